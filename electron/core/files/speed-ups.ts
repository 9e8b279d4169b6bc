/**
 * One switch for every speed-up that must not change a result (issue 22): the hash threads, the one-pass
 * verification of nested p7m levels, the PDF verification shortcuts (one hashing pass for all signatures,
 * parsed objects shared between revisions). SIGILLO_NO_FAST=1 turns them all off, so that the benchmark and the
 * tests can check that the reports are identical; SIGILLO_HASH_THREADS=0, the older name, does the same.
 */
export function speedUpsOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.SIGILLO_NO_FAST && env.SIGILLO_HASH_THREADS !== '0';
}
