/** The real-world corpus ../shared/corpus/realworld (read in place, never copied into the repository) and its expected.tsv. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REALWORLD = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'realworld');

/** true when the corpus and its expected.tsv are there (tests skip otherwise) */
export const realworldPresent = existsSync(join(REALWORLD, 'expected.tsv'));

/** The rows of expected.tsv keyed by column name (file, content, integrity, modified_after_signing…); [] when absent. */
export function expectedRows(): Record<string, string>[] {
  if (!realworldPresent) return [];
  const lines = readFileSync(join(REALWORLD, 'expected.tsv'), 'utf8').trim().split('\n');
  const head = (lines[0] ?? '').split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
}
