/**
 * Defects the fuzz tests found in code this branch does not change, reported to the
 * lead with a minimal input. Each excuses only the faults it explains, so that the
 * properties go on finding other bugs meanwhile; remove it with its fix.
 */

/**
 * server/lsp/validation.ts: a change whose schedule() lands after a run's last test of
 * `dirty` but before its `.finally` deletes it from `running` is marked dirty and never
 * checked; the editor shows the problems of an older version until the next change.
 * Minimal: with an engine that answers at once, open a post, schedule it, and change it
 * and schedule it again 6 or 7 microtasks later: version 2 is never published. While
 * it stands, the LSP property schedules such a document again, as the next change
 * would, and still compares the result.
 */
export const VALIDATOR_MAY_LOSE_A_LATE_CHANGE = true;
