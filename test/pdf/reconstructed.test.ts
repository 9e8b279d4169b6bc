/**
 * Damaged cross-reference data (issue 18) is read as a viewer reads it, not refused: a wrong xref offset is
 * looked up by scanning the revision, a startxref that leads nowhere rebuilds every revision from the file's
 * `%%EOF`s, and the prefix each signature covers is still found (same revision numbers, integrity intact).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { buildIncrement } from '../../electron/core/pdf/incremental-writer';
import { PdfDict, PdfRef, textString } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';

const fx = inject('fixture');

describe('damaged cross-reference data', () => {
  let dir: string;
  let twice: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-reconstructed-'));
    await signFile(fx.pki, writeHandwritten(join(dir, 'a.pdf')), join(dir, 'a1.pdf'));
    await signFile(fx.pki, join(dir, 'a1.pdf'), join(dir, 'a2.pdf'));
    twice = readFileSync(join(dir, 'a2.pdf'));
  });

  /** an unsigned update after both signatures: the Info dictionary gets a /Title */
  function withUpdate(): Buffer {
    const f = join(dir, 'base.pdf');
    writeFileSync(f, twice);
    const r = PdfReader.open(f);
    try {
      const num = Math.max(...r.latest.entries.keys()) + 1;
      const info = new PdfDict().set('Title', textString('Aggiornato'));
      const root = r.trailer.get('Root') as PdfRef;
      const catalog = r.catalog().clone().set('Marker', textString('revision 4'));
      return Buffer.concat([
        twice,
        buildIncrement(r, [
          { num, gen: 0, value: info },
          { num: root.num, gen: 0, value: catalog },
        ]).bytes,
      ]);
    } finally {
      r.close();
    }
  }

  async function check(bytes: Buffer, name: string): Promise<PdfReader> {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    const rep = await verifyPdf(f, { trust: new TrustStore([]) });
    expect(rep.error).toBeNull();
    expect(rep.signatures.map((s) => [s.integrity, s.revision, s.coversWholeDocument])).toEqual([
      ['valid', 2, false],
      ['valid', 3, false],
    ]);
    return PdfReader.open(f);
  }

  it('a wrong offset in the last xref table: the object is found in its revision', async () => {
    const bytes = withUpdate();
    const text = bytes.toString('latin1');
    const xref = text.lastIndexOf('\nxref\n');
    // the catalog's entry (the last section's rows) now points at the file header
    const rows = text.slice(xref).replace(/\d{10} 00000 n/, '0000000001 00000 n');
    const damaged = Buffer.from(text.slice(0, xref) + rows, 'latin1');
    expect(damaged.equals(bytes)).toBe(false);
    const r = await check(damaged, 'wrong-offset.pdf');
    try {
      expect(r.reconstructed).toBe(false);
      const catalog = r.catalog();
      expect(r.repaired).toBe(true);
      expect(catalog.has('Marker')).toBe(true);
    } finally {
      r.close();
    }
  });

  it('a startxref that leads nowhere: every revision rebuilt from the %%EOFs, signatures still located', async () => {
    const text = withUpdate().toString('latin1');
    const last = text.lastIndexOf('startxref');
    const damaged = Buffer.from(`${text.slice(0, last)}startxref\n7\n%%EOF\n`, 'latin1');
    const r = await check(damaged, 'no-startxref.pdf');
    try {
      expect(r.reconstructed).toBe(true);
      expect(r.catalog().has('Marker')).toBe(true);
    } finally {
      r.close();
    }
  });

  it('every xref offset wrong in a file of 100 000 objects: each found by one scan, in bounded time', () => {
    const n = 100_000;
    let body =
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n';
    for (let i = 3; i < n; i++) body += `${i} 0 obj\n${i}\nendobj\n`;
    const xrefAt = body.length;
    body += `xref\n0 ${n}\n0000000000 65535 f \n${'0000000001 00000 n \n'.repeat(n - 1)}`;
    body += `trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const f = join(dir, 'all-wrong.pdf');
    writeFileSync(f, body, 'latin1');
    const started = Date.now();
    const r = PdfReader.open(f);
    try {
      expect(r.reconstructed).toBe(false);
      let right = 0;
      for (let i = 3; i < n; i++) if (r.latest.get(i) === i) right++;
      expect(right).toBe(n - 3);
      expect(r.repaired).toBe(true);
    } finally {
      r.close();
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
