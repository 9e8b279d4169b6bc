/**
 * The speed-ups of PDF verification (issue 22: one hashing pass for all signatures, parsed objects shared
 * between revisions) can be turned off with SIGILLO_NO_FAST=1, so that the bench and the tests can check that
 * they change nothing in the report.
 */
export function fastPaths(): boolean {
  return !process.env.SIGILLO_NO_FAST;
}
