/**
 * A parser's words after what Postlint says is wrong (`The front matter is not valid
 * YAML: …`): its first line, a backtick in it shown as ˋ (editors show messages as plain
 * text, as quoted does), and on a sentence of its own where the first sentence would
 * run past 100 characters, so that the Problems panel shows what is wrong before it cuts off.
 */
export function parserProblem(what: string, detail: string): string {
  const words = detail.split('\n')[0].trim().replaceAll('`', '\u02cb').replace(/[.:\s]+$/, '');
  if (words === '') return `${what}.`;
  const joined = `${what}: ${words}.`;
  return joined.length <= 100 ? joined : `${what}. ${words[0].toUpperCase()}${words.slice(1)}.`;
}
