/**
 * The real-world PDFs of ../shared/corpus/realworld (read from there, never copied): the integrity and
 * "modified after signing" verdicts of its expected.tsv. Skipped only when the folder is absent.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPades } from '../../electron/core/sign/pades-sign';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { makeNssDb, pdfsig, qpdfCheck, type NssDb } from './support/nss';
import { fileSigner } from './support/signers';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import type { PdfSignatureReport } from '../../electron/core/pdf/verify-pdf';
import { expectedRows, realworldPresent as present, REALWORLD as CORPUS } from '../support/realworld-corpus';

const fx = inject('fixture');

interface Row {
  file: string;
  integrity: string;
  modified: string;
}

function rows(): Row[] {
  return expectedRows()
    .map((c) => ({ file: c.file!, integrity: c.integrity!, modified: c.modified_after_signing! }))
    .filter((r) => r.file.endsWith('.pdf'));
}

describe.skipIf(!present)('real-world PDFs (expected.tsv)', () => {
  const trust = new TrustStore([]);
  let table: Row[] = [];
  let outDir: string;
  let nss: NssDb;
  beforeAll(() => {
    table = rows();
    outDir = mkdtempSync(join(fx.root, 'realworld-sign-'));
    nss = makeNssDb(join(outDir, 'nss'), fx.pki);
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

  it.each(present ? rows().map((r) => r.file) : [])('%s: a Sigillo signature can be added', async (file) => {
    const input = join(CORPUS, file);
    const out = join(outDir, file.replace(/\.pdf$/, '-signed.pdf'));
    const before = await verifyFile(input, { trust });
    const reader = PdfReader.open(input);
    const damaged = reader.reconstructed;
    reader.close();
    if (damaged) {
      // cross-reference data that had to be rebuilt cannot take an increment: refused cleanly
      await expect(
        signPades({ input, output: out, overwrite: false, digest: 'sha256', signer: fileSigner(fx.pki) }),
      ).rejects.toMatchObject({ code: 'PDF_BROKEN' });
      return;
    }
    await signPades({ input, output: out, overwrite: false, digest: 'sha256', signer: fileSigner(fx.pki) });
    const original = readFileSync(input);
    expect(readFileSync(out).subarray(0, original.length).equals(original)).toBe(true);
    if (qpdfCheck(input).ok) expect(qpdfCheck(out).ok, qpdfCheck(out).output).toBe(true);
    const sigs = pdfsig(out, nss);
    expect(sigs[sigs.length - 1]!.valid).toBe(true);
    expect(sigs[sigs.length - 1]!.totalDocument).toBe(true);
    const after = await verifyFile(out, { trust });
    const integ = (r: typeof before) => r.signatures.map((s) => s.integrity);
    expect(integ(after)).toEqual([...integ(before), 'valid']);
  });

  it('checks adbe.pkcs7.sha1 (eContent = SHA-1 of the ranges)', async () => {
    const r = await verifyFile(join(CORPUS, 'dss-pades-pkcs7_sha1.pdf'), { trust });
    const s = (r.signatures as PdfSignatureReport[])[0]!;
    expect(s.subFilter).toBe('adbe.pkcs7.sha1');
    expect(s.integrity).toBe('valid');
  });
});
