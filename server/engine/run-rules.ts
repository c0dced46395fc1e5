import type { PostBudget } from './budget';
import { Suppressions } from './config/suppressions';
import type { RuleSetting } from './config/config';
import { DOCS_BASE, docsUrl, type Problem, type Rule, type RuleContext } from './rule';
import { RULES, RULES_BY_ID, type RuleId } from './rules';
import { BodyParseStopped, TooDeeplyNested, TooManyInlineMarks } from './markdown';
import { findPlaceholders } from './templates/placeholders';
import type { LineIndex } from './text/line-index';
import { quoted } from './text/quote';
import type { Diagnostic, Severity, Span, Unverified } from './types';

/**
 * Runs every rule that is on over the post of `context`, then keeps the problems worth
 * showing: not suppressed by a disable comment, not said better by a rule this one
 * yields to, not about text still a template placeholder. Sorted by position.
 */
export async function runRules(context: RuleContext<unknown>, budget: PostBudget): Promise<{ diagnostics: Diagnostic[]; unverified: Unverified[] }> {
  const { post, config } = context;
  const unverified: Unverified[] = [];
  const reported = new Map<RuleId, Problem[]>();
  const skipped: RuleId[] = [];
  // One context for all the rules of the post, each given its options and report in turn:
  // a copy, or a closure, for every rule cost more than some rules.
  let running: RuleId = RULES[0].meta.id;
  context.unverified = (span, reason) => void unverified.push({ ruleId: running, range: post.lines.range(span), reason });
  for (const rule of RULES) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    if (budget.exhausted) {
      skipped.push(rule.meta.id);
      continue;
    }
    running = rule.meta.id;
    const ran = budget.time(() => runRule(rule, setting, context));
    // Most rules are synchronous: awaiting only real promises saves a microtask per rule and post.
    reported.set(rule.meta.id, ran instanceof Promise ? await ran : ran);
  }
  const suppressions = new Suppressions([...post.body.comments, ...(post.frontMatter?.comments ?? [])], post.lines);
  const placeholders = post.text.includes('[[') ? findPlaceholders(post.text).map((placeholder) => placeholder.span) : [];
  const diagnostics: Diagnostic[] = [];
  for (const [id, problems] of reported) {
    const rule = RULES_BY_ID.get(id)!;
    const severity = config.rules.get(id)!.severity as Severity;
    for (const problem of problems) {
      if (suppressions.suppresses(id, problem.span.start) || (rule.meta.yieldsTo && yieldsToAnother(rule.meta.yieldsTo, problem, reported))) continue;
      // Text still a template placeholder is reported once, as a placeholder, not by every rule it trips.
      if (id !== 'template-placeholder' && placeholders.some((span) => overlaps(span, problem.span))) continue;
      diagnostics.push(toDiagnostic(id, severity, problem, post.lines));
    }
  }
  if (skipped.length > 0) diagnostics.push(budgetExceeded(budget, skipped));
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { diagnostics, unverified };
}

/** Said of a post that used up its time budget (`PostBudget`). */
const OVER_BUDGET_ADVICE = 'No post a person writes comes near it: look for a part generated or pasted many times over, or split the post.';

/** At 1:1, in place of the rules a post's budget left no time for: the author is told what was not checked. */
function budgetExceeded(budget: PostBudget, skipped: RuleId[]): Diagnostic {
  const limit = (budget.limitMs / 1000).toFixed(1);
  return internalError(
    `Checking this post took ${budget.spentSeconds.toFixed(1)} s, past its budget of ${limit} s. These rules did not run: ${skipped.join(', ')}. ${OVER_BUDGET_ADVICE}`,
  );
}

/** A rule that throws becomes one diagnostic saying so; the other rules still run. */
function runRule(rule: Rule, setting: RuleSetting, context: RuleContext<unknown>): Problem[] | Promise<Problem[]> {
  const problems: Problem[] = [];
  const failed = (error: unknown) => [ruleFailure(rule, error)];
  context.options = setting.options;
  context.report = (problem) => void problems.push(problem);
  try {
    const pending = rule.check(context as RuleContext<never>);
    return pending ? pending.then(() => problems, failed) : problems;
  } catch (error) {
    return failed(error);
  }
}

const SEVERITY_RANK: Record<Severity, number> = { warning: 0, error: 1 };

/** The lower of a rule's configured severity and a problem's cap (`Problem.atMost`). */
export function cappedSeverity(configured: Severity, atMost: Severity | undefined): Severity {
  return atMost !== undefined && SEVERITY_RANK[atMost] < SEVERITY_RANK[configured] ? atMost : configured;
}

function toDiagnostic(ruleId: RuleId, severity: Severity, problem: Problem, lines: LineIndex): Diagnostic {
  return {
    ruleId,
    severity: cappedSeverity(severity, problem.atMost),
    message: problem.message,
    range: lines.range(problem.span),
    docsUrl: docsUrl(ruleId),
    fixes: (problem.fixes ?? []).map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      preferred: fix.preferred,
      edits: fix.edits.map((edit) => ({ range: lines.range(edit.span), newText: edit.newText })),
    })),
  };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether a rule this one yields to (`meta.yieldsTo`) reported the same place: then it says it better. */
function yieldsToAnother(yieldsTo: readonly string[], problem: Problem, reported: ReadonlyMap<RuleId, Problem[]>): boolean {
  return yieldsTo.some((other) => reported.get(other as RuleId)?.some((theirs) => overlaps(theirs.span, problem.span)));
}

export function ruleFailure(rule: Rule, error: unknown): Problem {
  return {
    span: { start: 0, end: 0 },
    message: `The rule ${quoted(rule.meta.id)} failed on this post, so its other problems are not shown. It failed with ${plain(errorText(error))}. Please report this.`,
  };
}

/**
 * In place of the problems of a body the parser failed on, at 1:1: no rule made it,
 * so its id is `internal-error`, which no comment turns off.
 */
export function bodyParseFailure(error: unknown): Diagnostic {
  return internalError(bodyFailureMessage(error));
}

function bodyFailureMessage(error: unknown): string {
  const reason = errorText(error);
  if (error instanceof TooDeeplyNested) return `The body of this post is not checked. Its ${reason}: no post needs that many, and Markdown parsers slow down past a few.`;
  if (error instanceof TooManyInlineMarks) {
    return `The body of this post is not checked: ${reason}. No paragraph needs that many, and the Markdown parser slows down past them: split the paragraph, or write the marks as \u201c\\[\u201d, \u201c\\*\u201d or \u201c\\_\u201d.`;
  }
  if (error instanceof BodyParseStopped) return `The body of this post is not checked: parsing it took longer than half its time budget. ${OVER_BUDGET_ADVICE}`;
  return `This post's body could not be parsed: its links, images, headings and shortcodes are not checked. It failed with ${plain(reason)}. Please report this.`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error's own words, quoted (a backtick in them shown as ˋ, since editors show messages as plain text). */
function plain(text: string): string {
  return quoted(text.replace(/[.\s]+$/, ''), 200);
}

function internalError(message: string): Diagnostic {
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'error',
    message,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    docsUrl: INTERNAL_ERROR_DOCS,
    fixes: [],
  };
}

/** The id of what Postlint itself could not do on a post: no rule of its own, nothing to turn off. */
export const INTERNAL_ERROR = 'internal-error';
export const INTERNAL_ERROR_DOCS = DOCS_BASE.replace(/rules\/$/, 'internal-error.md');
