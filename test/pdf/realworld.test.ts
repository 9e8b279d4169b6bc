/**
 * The real-world PDFs of ../shared/corpus/realworld (read from there, never copied): the integrity and
 * "modified after signing" verdicts of its expected.tsv. Skipped only when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyFile } from '../../electron/core/verify/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import type { PdfSignatureReport } from '../../electron/core/pdf/verify-pdf';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'realworld');
const present = existsSync(join(CORPUS, 'expected.tsv'));

interface Row {
  file: string;
  integrity: string;
  modified: string;
}

function rows(): Row[] {
  const lines = readFileSync(join(CORPUS, 'expected.tsv'), 'utf8').trim().split('\n');
  const head = lines[0]!.split('\t');
  const col = (n: string) => head.indexOf(n);
  return lines
    .slice(1)
    .map((l) => l.split('\t'))
    .map((c) => ({
      file: c[col('file')]!,
      integrity: c[col('integrity')]!,
      modified: c[col('modified_after_signing')]!,
    }))
    .filter((r) => r.file.endsWith('.pdf'));
}

describe.skipIf(!present)('real-world PDFs (expected.tsv)', () => {
  const trust = new TrustStore([]);
  let table: Row[] = [];
  beforeAll(() => {
    table = rows();
  });

  it('lists PDFs to check', () => {
    expect(table.length).toBeGreaterThanOrEqual(8);
  });

  it.each(present ? rows() : [])(
    '$file: integrity $integrity, modified after signing $modified',
    async (row) => {
      const r = await verifyFile(join(CORPUS, row.file), { trust });
      expect(r.format).toBe('pades');
      const sigs = r.signatures as PdfSignatureReport[];
      if (row.integrity === 'error') {
        expect(r.error).not.toBeNull();
        return;
      }
      expect(r.error, JSON.stringify(r.error)).toBeNull();
      expect(sigs.length).toBeGreaterThan(0);
      const integrities = sigs.map((s) => s.integrity);
      if (row.integrity === 'valid')
        expect(
          integrities.every((i) => i === 'valid'),
          JSON.stringify(sigs.map((s) => s.messages)),
        ).toBe(true);
      if (row.integrity === 'invalid') expect(integrities).toContain('invalid');
      const notAllowed = sigs.some((s) => s.modifications && !s.modifications.allowed);
      if (row.modified === 'yes') expect(notAllowed).toBe(true);
      if (row.modified === 'no') expect(notAllowed).toBe(false);
      // the signature covering the whole document never reports modifications
      for (const s of sigs.filter((x) => x.coversWholeDocument)) expect(s.modifications).toBeNull();
    },
  );

  it('reads multi-signature files in revision order, with the document timestamp last', async () => {
    const r = await verifyFile(join(CORPUS, 'dss-pades-pades-5-signatures-and-1-document-timestamp.pdf'), {
      trust,
    });
    const sigs = r.signatures as PdfSignatureReport[];
    expect(sigs).toHaveLength(6);
    const revisions = sigs.map((s) => s.revision!);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    expect(sigs[5]!.documentTimestamp).toBe(true);
    expect(sigs[5]!.subFilter).toBe('ETSI.RFC3161');
    expect(sigs.slice(0, 5).every((s) => s.modifications?.allowed === true)).toBe(true);
  });

  it('reports the page added after signing', async () => {
    const r = await verifyFile(join(CORPUS, 'dss-pades-pdf-signed-added-page.pdf'), { trust });
    const s = (r.signatures as PdfSignatureReport[])[0]!;
    expect(s.modifications!.pages).toContain(2);
    expect(s.indication).toBe('TOTAL_FAILED');
  });

  it('checks adbe.pkcs7.sha1 (eContent = SHA-1 of the ranges)', async () => {
    const r = await verifyFile(join(CORPUS, 'dss-pades-pkcs7_sha1.pdf'), { trust });
    const s = (r.signatures as PdfSignatureReport[])[0]!;
    expect(s.subFilter).toBe('adbe.pkcs7.sha1');
    expect(s.integrity).toBe('valid');
  });
});
