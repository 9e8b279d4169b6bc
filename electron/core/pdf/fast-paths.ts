/**
 * The speed-ups of PDF verification (issue 22: one hashing pass for all signatures, parsed objects shared
 * between revisions), off with the other speed-ups (SIGILLO_NO_FAST=1, files/speed-ups.ts) so that the bench
 * and the tests can check that they change nothing in the report.
 */
import { speedUpsOn } from '../files/speed-ups';

export function fastPaths(): boolean {
  return speedUpsOn();
}
