import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { signPades } from '../../electron/core/sign/pades-sign';
import { extractPdfRevision } from '../../electron/core/pdf/extract-revision';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { buildIncrement, nextObjectNumber } from '../../electron/core/pdf/incremental-writer';
import { name, PdfDict, PdfStream, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { openVerification } from '../../electron/core/validate/session';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { writeHandwritten } from './support/make-pdf';
import { makeNssDb, pdfsig, pdfsigSign, type NssDb } from './support/nss';
import { fileSigner } from './support/signers';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';

const fx = inject('fixture');

/** appends an incremental update made of `objects` (number → new value) to a copy of `input` */
function appendUpdate(
  input: string,
  output: string,
  objects: (reader: PdfReader) => Map<number, PdfValue>,
): void {
  const reader = PdfReader.open(input);
  try {
    const objs = [...objects(reader)].map(([num, value]) => ({ num, gen: 0, value }));
    const inc = buildIncrement(reader, objs);
    writeFileSync(output, Buffer.concat([readFileSync(input), inc.bytes]));
  } finally {
    reader.close();
  }
}

function stream(text: string): PdfStream {
  const data = Buffer.from(text, 'latin1');
  return new PdfStream(new PdfDict(), -1, data.length, data);
}

describe('PDF signature verification', () => {
  let dir: string;
  let nss: NssDb;
  let opts: VerifyFileOptions;
  let signed: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pades-verify-'));
    nss = makeNssDb(join(dir, 'nss'), fx.pki, fx.pki.signature);
    opts = await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null });
    const input = writeHandwritten(join(dir, 'doc.pdf'), { pages: 2 });
    signed = join(dir, 'doc-signed.pdf');
    await signPades({
      input,
      output: signed,
      overwrite: false,
      digest: 'sha256',
      signer: fileSigner(fx.pki),
      reason: 'ok',
    });
  });

  it('verifies a Sigillo signature: intact, trusted chain, whole document, claimed time from /M', async () => {
    const r = await verifyPdf(signed, opts);
    expect(r.format).toBe('pades');
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.subFilter).toBe('ETSI.CAdES.detached');
    expect(s.coversWholeDocument).toBe(true);
    expect(s.revision).toBe(2);
    expect(s.modifications).toBeNull();
    expect(s.signer.fiscalCode).toBe(fx.pki.person.fiscalCode);
    expect(s.chain.some((c) => c.trustAnchor)).toBe(true);
    // offline: revocation unknown, so not TOTAL_PASSED but nothing failed either
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('TRY_LATER');
    expect(Math.abs(Date.parse(s.signingTime!) - Date.now())).toBeLessThan(10 * 60_000);
    expect(pdfsig(signed, nss)[0]!.valid).toBe(true);
  });

  it('goes through verifyFile (format dispatch) for PDFs', async () => {
    const r = await verifyFile(signed, opts);
    expect(r.error).toBeNull();
    expect(r.format).toBe('pades');
    expect(r.signatures[0]!.integrity).toBe('valid');
  });

  it('verifies a pdfsig (adbe.pkcs7.detached) signature and a Sigillo one added after it', async () => {
    const first = join(dir, 'by-pdfsig.pdf');
    pdfsigSign(writeHandwritten(join(dir, 'p.pdf')), first, nss);
    const both = join(dir, 'both.pdf');
    await signPades({
      input: first,
      output: both,
      overwrite: false,
      digest: 'sha256',
      signer: fileSigner(fx.pki),
    });
    const r = await verifyPdf(both, opts);
    expect(r.signatures.map((s) => s.subFilter)).toEqual(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    expect(r.signatures.map((s) => s.coversWholeDocument)).toEqual([false, true]);
    const m = r.signatures[0]!.modifications!;
    expect(m.allowed).toBe(true);
    expect(m.laterRevisions).toBe(1);
    expect(m.allowedChanges).toContain('signature');
    expect(r.signatures[0]!.indication).not.toBe('TOTAL_FAILED');
  });

  it('finds bytes tampered inside a signed range', async () => {
    const bytes = readFileSync(signed);
    const at = bytes.indexOf('Documento di prova');
    expect(at).toBeGreaterThan(0);
    bytes.write('Dokumento', at, 'latin1');
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const s = (await verifyPdf(tampered, opts)).signatures[0]!;
    expect(s.integrity).toBe('invalid');
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('HASH_FAILURE');
    expect(pdfsig(tampered, nss)[0]!.valid).toBe(false);
  });

  it('reports page content changed by a later incremental update, with page and object', async () => {
    const changed = join(dir, 'changed.pdf');
    // object 7 is page 2's content stream in the handwritten file
    appendUpdate(
      signed,
      changed,
      () => new Map([[7, stream('BT /F1 18 Tf 72 720 Td (Importo: 1.000.000 EUR) Tj ET')]]),
    );
    const r = await verifyPdf(changed, opts);
    const s = r.signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.coversWholeDocument).toBe(false);
    expect(s.modifications!.allowed).toBe(false);
    expect(s.modifications!.objects).toEqual([7]);
    expect(s.modifications!.pages).toEqual([2]);
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.messages.join(' ')).toMatch(/object 7|oggetto 7/);
  });

  it('reports a page added after signing', async () => {
    const added = join(dir, 'added.pdf');
    appendUpdate(signed, added, (reader) => {
      const n = nextObjectNumber(reader);
      const page = new PdfDict()
        .set('Type', name('Page'))
        .set('Parent', ref(2))
        .set('MediaBox', [0, 0, 595, 842])
        .set('Contents', ref(n + 1));
      const pages = (reader.latest.get(2) as PdfDict).clone();
      pages.set('Kids', [ref(4), ref(6), ref(n)]).set('Count', 3);
      return new Map<number, PdfValue>([
        [2, pages],
        [n, page],
        [n + 1, stream('BT /F1 18 Tf 72 720 Td (Pagina aggiunta) Tj ET')],
      ]);
    });
    const s = (await verifyPdf(added, opts)).signatures[0]!;
    expect(s.modifications!.allowed).toBe(false);
    expect(s.modifications!.pages).toEqual([3]);
    expect(s.indication).toBe('TOTAL_FAILED');
  });

  it('extracts the revision signed by signature N, byte for byte', async () => {
    const changed = join(dir, 'changed2.pdf');
    appendUpdate(signed, changed, () => new Map([[5, stream('BT /F1 18 Tf 72 720 Td (Altro) Tj ET')]]));
    const outDir = mkdtempSync(join(dir, 'extract-'));
    const r = await extractPdfRevision(changed, { outDir, overwrite: false, force: false, signature: 1 });
    expect(r.error).toBeNull();
    expect(r.integrity).toBe('valid');
    expect(r.output).toBe(join(outDir, 'changed2-revision2.pdf'));
    expect(readFileSync(r.output!).equals(readFileSync(signed))).toBe(true);
    const again = await extractPdfRevision(changed, { outDir, overwrite: false, force: false, signature: 1 });
    expect(again.error?.code).toBe('OUTPUT_EXISTS');
    const missing = await extractPdfRevision(changed, {
      outDir,
      overwrite: false,
      force: false,
      signature: 3,
    });
    expect(missing.error?.code).toBe('SIGNATURE_NOT_FOUND');
  });

  it('completes the chain with the certificates of the DSS', async () => {
    const input = writeHandwritten(join(dir, 'dss.pdf'));
    const bare = join(dir, 'dss-signed.pdf');
    const noChain = new SoftwareSigner({
      keyPem: fx.pki.signature.keyPem,
      certPem: fx.pki.signature.certPem,
    });
    await signPades({ input, output: bare, overwrite: false, digest: 'sha256', signer: noChain });
    expect((await verifyPdf(bare, opts)).signatures[0]!.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const withDss = join(dir, 'dss-ltv.pdf');
    appendUpdate(bare, withDss, (reader) => {
      const n = nextObjectNumber(reader);
      const caDer = readFileSync(fx.pki.ca.certDer);
      const catalog = (reader.latest.get(1) as PdfDict)
        .clone()
        .set('DSS', new PdfDict().set('Certs', [ref(n)]));
      return new Map<number, PdfValue>([
        [1, catalog],
        [n, new PdfStream(new PdfDict(), -1, caDer.length, caDer)],
      ]);
    });
    const s = (await verifyPdf(withDss, opts)).signatures[0]!;
    expect(s.chain.some((c) => c.trustAnchor)).toBe(true);
    expect(s.subIndication).not.toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(s.modifications!.allowed).toBe(true);
    expect(s.modifications!.allowedChanges).toContain('dss');
  });

  it('reports an unsigned PDF and a non-PDF cleanly', async () => {
    await expect(verifyPdf(writeHandwritten(join(dir, 'unsigned.pdf')), opts)).rejects.toMatchObject({
      code: 'NO_SIGNATURES',
    });
    const r = await verifyFile(writeHandwritten(join(dir, 'unsigned2.pdf')), opts);
    expect(r.error?.code).toBe('NO_SIGNATURES');
  });
});
