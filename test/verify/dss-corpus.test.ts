/**
 * The EU DSS / pyHanko corpus (../shared/corpus/dss, read in place): every file through `sigillo verify --json
 * --offline`, as a user would run it, against expected.tsv's integrity verdict and, for PDFs, its "modified after a
 * signed revision" verdict. Skipped only when the folder is absent (a clone outside this workspace).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { FileReport } from '../../electron/core/verify/types';
import {
  DSS,
  dssPresent,
  dssRows,
  integrityMatches,
  integrityVerdict,
  modifiedVerdict,
  type DssRow,
} from '../support/dss-corpus';
import { verifyJson } from '../support/verify-json';

describe.skipIf(!dssPresent)('DSS / pyHanko corpus (expected.tsv)', () => {
  const rows = dssRows();
  const reports = new Map<string, FileReport>();
  // a fresh HOME: no trusted lists or revocation cache of the machine, so the run is the same everywhere
  const env = () => ({ HOME: mkdtempSync(join(inject('fixture').root, 'sigillo-dss-home-')) });

  beforeAll(async () => {
    const attached = rows.filter((r) => !r.content);
    const all = await verifyJson(['--offline', '--no-tsl', ...attached.map((r) => join(DSS, r.file))], env());
    expect(all.files).toHaveLength(attached.length);
    attached.forEach((r, i) => reports.set(r.file, all.files[i]!));
    for (const r of rows.filter((x) => x.content)) {
      const one = await verifyJson(
        ['--offline', '--no-tsl', '--content', join(DSS, r.content!), join(DSS, r.file)],
        env(),
      );
      reports.set(r.file, one.files[0]!);
    }
  }, 300_000);

  it('reads the whole table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(98);
  });

  it.each(rows)('$file: integrity $integrity, modified $modified', (row: DssRow) => {
    const r = reports.get(row.file)!;
    const got = integrityVerdict(r);
    const why = JSON.stringify({ error: r.error, sigs: r.signatures.map((s) => [s.integrity, s.messages]) });
    expect(integrityMatches(row, got), `integrity ${got}: ${why}`).toBe(true);
    if (row.integrity === 'error') expect(r.error?.code, why).toMatch(/^[A-Z][A-Z0-9_]+$/);
    if (r.error) expect(r.error.code).not.toBe('INTERNAL');
    if (row.modified !== '-') expect(modifiedVerdict(r), why).toBe(row.modified);
  });
});
