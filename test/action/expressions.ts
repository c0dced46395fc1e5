/**
 * GitHub Actions expressions, the part of their language a composite action's `if:`
 * and `${{ … }}` use: literals ('text', numbers, true, false, null), property paths
 * (`inputs.working-directory`, `steps.check.outputs.exit-code`), `!`, `==`, `!=`, `&&`,
 * `||`, parentheses and the status functions. Read by a small parser, as GitHub's
 * documentation describes the language; anything else is an error, so that the test
 * never guesses what an expression means.
 */

export type Value = string | number | boolean | null;

/** What an expression can read: the contexts by name, and the job's status so far. */
export interface Scope {
  contexts: Record<string, unknown>;
  failed: boolean;
}

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'path'; names: string[] }
  | { kind: 'call'; name: string }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; operator: '==' | '!=' | '&&' | '||'; left: Node; right: Node };

const STATUS_FUNCTIONS = new Set(['success', 'always', 'failure', 'cancelled']);

/** Tokens: punctuation, 'strings' (a quote doubled inside), numbers, names (with `-`, as input names have). */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ' || char === '\t' || char === '\n') {
      at++;
    } else if (['==', '!=', '&&', '||'].includes(text.slice(at, at + 2))) {
      tokens.push(text.slice(at, at + 2));
      at += 2;
    } else if ('!().'.includes(char)) {
      tokens.push(char);
      at++;
    } else if (char === "'") {
      let end = at + 1;
      while (end < text.length && !(text[end] === "'" && text[end + 1] !== "'")) end += text[end] === "'" ? 2 : 1;
      if (end >= text.length) throw new Error(`an unclosed string in ${text}`);
      tokens.push(text.slice(at, end + 1));
      at = end + 1;
    } else {
      let end = at;
      while (end < text.length && /[\w-]/.test(text[end])) end++;
      if (end === at) throw new Error(`unexpected ${JSON.stringify(char)} in ${text}`);
      tokens.push(text.slice(at, end));
      at = end;
    }
  }
  return tokens;
}

/** Recursive descent, loosest first: `||`, `&&`, `==`/`!=`, `!`, then a literal, path, call or parenthesis. */
export function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new Error(`expected ${expected ?? 'more'} in ${text}`);
    return token;
  };
  const binary = (operators: string[], next: () => Node) => (): Node => {
    let left = next();
    while (operators.includes(peek())) left = { kind: 'binary', operator: take() as '==', left, right: next() };
    return left;
  };
  const primary = (): Node => {
    const token = take();
    if (token === '!') return { kind: 'not', operand: primary() };
    if (token === '(') {
      const inner = or();
      take(')');
      return inner;
    }
    if (token.startsWith("'")) return { kind: 'literal', value: token.slice(1, -1).split("''").join("'") };
    if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
    if (token === 'null') return { kind: 'literal', value: null };
    if (/^\d/.test(token)) return { kind: 'literal', value: Number(token) };
    if (peek() === '(') {
      take('(');
      take(')');
      if (!STATUS_FUNCTIONS.has(token)) throw new Error(`the function ${token}() is not one this runner knows`);
      return { kind: 'call', name: token };
    }
    const names = [token];
    while (peek() === '.') {
      take('.');
      names.push(take());
    }
    return { kind: 'path', names };
  };
  const comparison = binary(['==', '!='], primary);
  const and = binary(['&&'], comparison);
  const or = binary(['||'], and);
  const node = or();
  if (at !== tokens.length) throw new Error(`unexpected ${tokens[at]} in ${text}`);
  return node;
}

/** Whether the expression calls a status function: an `if:` without one means `success() && (…)`. */
export function callsStatus(node: Node): boolean {
  switch (node.kind) {
    case 'call':
      return true;
    case 'not':
      return callsStatus(node.operand);
    case 'binary':
      return callsStatus(node.left) || callsStatus(node.right);
    default:
      return false;
  }
}

export function evaluate(node: Node, scope: Scope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'path':
      return lookUp(node.names, scope.contexts);
    case 'call':
      return node.name === 'always' || (node.name === 'success' ? !scope.failed : node.name === 'failure' ? scope.failed : false);
    case 'not':
      return !truthy(evaluate(node.operand, scope));
    case 'binary':
      return binaryValue(node.operator, node.left, node.right, scope);
  }
}

function binaryValue(operator: '==' | '!=' | '&&' | '||', left: Node, right: Node, scope: Scope): Value {
  const first = evaluate(left, scope);
  // `&&` and `||` give one of their operands, as in JavaScript.
  if (operator === '&&') return truthy(first) ? evaluate(right, scope) : first;
  if (operator === '||') return truthy(first) ? first : evaluate(right, scope);
  const same = equal(first, evaluate(right, scope));
  return operator === '==' ? same : !same;
}

/** A missing property is null, as in GitHub's expressions. */
function lookUp(names: string[], contexts: Record<string, unknown>): Value {
  let value: unknown = contexts;
  for (const name of names) value = value !== null && typeof value === 'object' && name in value ? (value as Record<string, unknown>)[name] : null;
  return value as Value;
}

/** GitHub's rules: strings compare ignoring case; values of different types are compared as numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return value;
}

export function truthy(value: Value): boolean {
  return !(value === false || value === null || value === '' || value === 0 || Number.isNaN(value));
}

/** What `${{ … }}` gives in text: null as '', the rest as text. */
export function asText(value: Value): string {
  return value === null ? '' : String(value);
}

/** Text with each `${{ expression }}` replaced by its value, as GitHub does in `run`, `env`, `with` and `working-directory`. */
export function substitute(text: string, scope: Scope): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('${{', at); open >= 0; open = text.indexOf('${{', at)) {
    const close = text.indexOf('}}', open);
    if (close < 0) throw new Error(`an unclosed \${{ in ${text}`);
    out += text.slice(at, open) + asText(evaluate(parseExpression(text.slice(open + 3, close)), scope));
    at = close + 2;
  }
  return out + text.slice(at);
}
