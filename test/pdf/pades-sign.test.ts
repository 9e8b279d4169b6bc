import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPades, type PadesSignOptions } from '../../electron/core/sign/pades-sign';
import { appearanceFor } from '../../electron/core/pdf/visible-options';
import { SigilloError } from '../../electron/core/errors';
import { hybridPdf, withObjectStreams, writeHandwritten } from './support/make-pdf';
import { makeNssDb, pdfsig, pdfsigSign, type NssDb } from './support/nss';
import { appendedText, expectGoodPades } from './support/pades-output';
import { fileSigner } from './support/signers';

const fx = inject('fixture');

describe('PAdES signing (incremental update)', () => {
  let dir: string;
  let nss: NssDb;
  const signer = () => fileSigner(fx.pki);

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pades-sign-'));
    nss = makeNssDb(join(dir, 'nss'), fx.pki, fx.pki.signature);
  });

  async function sign(input: string, output: string, extra: Partial<PadesSignOptions> = {}) {
    return signPades({ input, output, overwrite: false, digest: 'sha256', signer: signer(), ...extra });
  }

  const expectGoodOutput = (input: string, output: string, signatures: number) =>
    expectGoodPades(input, output, signatures, nss);

  it('signs a classic-xref PDF invisibly; the CMS has signingCertificateV2 and no signingTime', async () => {
    const input = writeHandwritten(join(dir, 'classic.pdf'));
    const out = join(dir, 'classic-signed.pdf');
    const r = await sign(input, out, {
      reason: 'Approvazione è',
      location: 'Roma',
      contact: 'mario@example.it',
    });
    expectGoodOutput(input, out, 1);
    expect(r.byteRange[0]).toBe(0);
    expect(r.byteRange[2] + r.byteRange[3]).toBe(readFileSync(out).length);
    const tail = appendedText(input, out);
    expect(tail).toMatch(/\/Filter \/Adobe\.PPKLite/);
    expect(tail).toMatch(/\/M \(D:\d{14}Z\)/);
    expect(tail).toContain('/Rect [0 0 0 0]');
    expect(tail).toMatch(/\/SigFlags 3/);
    expect(tail).toMatch(/\nxref\n/); // a classic table, like the original
    // the CMS, dumped by pdfsig, checked by openssl
    const dump = mkdtempSync(join(dir, 'dump-'));
    execFileSync('pdfsig', ['-nssdir', `sql:${nss.dir}`, '-dump', out], { cwd: dump, stdio: 'ignore' });
    const sigFile = readdirSync(dump).find((f) => f.includes('.sig'))!;
    const asn1 = execFileSync(
      'openssl',
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dump, sigFile)],
      {
        encoding: 'utf8',
      },
    );
    expect(asn1).toContain('id-smime-aa-signingCertificateV2');
    expect(asn1).not.toContain('signingTime');
    expect(asn1).toContain('eContent: <ABSENT>');
  });

  it('keeps the file style: xref stream + object streams in, xref stream out', async () => {
    const input = withObjectStreams(
      writeHandwritten(join(dir, 'src-os.pdf'), { pages: 2 }),
      join(dir, 'os.pdf'),
    );
    const out = join(dir, 'os-signed.pdf');
    await sign(input, out);
    expectGoodOutput(input, out, 1);
    const tail = appendedText(input, out);
    expect(tail).toContain('/Type /XRef');
    expect(tail).not.toMatch(/\nxref\n/);
  });

  it('signs PDFs from other producers: pdf-lib (object streams) and cairo (pdftocairo)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('Prodotto da pdf-lib: àèéìòù');
    const fromPdfLib = join(dir, 'pdflib.pdf');
    writeFileSync(fromPdfLib, await doc.save({ useObjectStreams: true }));
    const fromCairo = join(dir, 'cairo.pdf');
    execFileSync('pdftocairo', [
      '-pdf',
      writeHandwritten(join(dir, 'for-cairo.pdf'), { pages: 2 }),
      fromCairo,
    ]);
    for (const input of [fromPdfLib, fromCairo]) {
      const out = input.replace(/\.pdf$/, '-signed.pdf');
      await sign(input, out);
      expectGoodOutput(input, out, 1);
    }
  });

  it('signs the same PDF twice and three times with Sigillo (xref streams): every signature stays valid', async () => {
    let input = withObjectStreams(writeHandwritten(join(dir, 'src-3.pdf')), join(dir, 'thrice-0.pdf'));
    for (let n = 1; n <= 3; n++) {
      const out = join(dir, `thrice-${n}.pdf`);
      const r = await sign(input, out);
      expect(r.fieldName).toBe(`Signature${n}`);
      expectGoodOutput(input, out, n);
      input = out;
    }
  });

  it('signs a hybrid-reference file', async () => {
    const input = join(dir, 'hybrid.pdf');
    writeFileSync(input, hybridPdf());
    const out = join(dir, 'hybrid-signed.pdf');
    await sign(input, out);
    expectGoodOutput(input, out, 1);
  });

  it('adds a signature to a PDF signed by pdfsig, then a third: every signature stays valid', async () => {
    const plain = writeHandwritten(join(dir, 'for-pdfsig.pdf'), { pages: 2 });
    const first = join(dir, 'pdfsig-signed.pdf');
    pdfsigSign(plain, first, nss);
    expect(pdfsig(first, nss)[0]!.valid).toBe(true);
    const second = join(dir, 'two.pdf');
    const third = join(dir, 'three.pdf');
    await sign(first, second);
    const sigs2 = expectGoodOutput(first, second, 2);
    expect(sigs2[0]!.subFilter).toBe('adbe.pkcs7.detached');
    const r3 = await sign(second, third);
    expectGoodOutput(second, third, 3);
    expect(r3.fieldName).toBe('Signature2');
  });

  it('signs an existing empty signature field (--field)', async () => {
    const input = writeHandwritten(join(dir, 'field.pdf'), { emptySigField: 'FirmaTitolare' });
    const out = join(dir, 'field-signed.pdf');
    const s = signer();
    const r = await sign(input, out, {
      signer: s,
      field: 'FirmaTitolare',
      appearance: appearanceFor(s.certificate, {}),
    });
    expect(r.fieldName).toBe('FirmaTitolare');
    const sigs = expectGoodOutput(input, out, 1);
    expect(sigs[0]!.field).toBe('FirmaTitolare');
    await expect(
      sign(out, join(dir, 'again.pdf'), { signer: s, field: 'FirmaTitolare' }),
    ).rejects.toMatchObject({ code: 'PDF_FIELD_ALREADY_SIGNED' });
    await expect(sign(input, join(dir, 'nofield.pdf'), { signer: s, field: 'Nope' })).rejects.toMatchObject({
      code: 'PDF_FIELD_NOT_FOUND',
    });
  });

  it('refuses encrypted and broken PDFs cleanly, leaving no output and the input untouched', async () => {
    const plain = writeHandwritten(join(dir, 'p.pdf'));
    const enc = join(dir, 'enc.pdf');
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', plain, enc]);
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, readFileSync(plain).subarray(0, 100));
    const encBefore = readFileSync(enc);
    await expect(sign(enc, join(dir, 'enc-out.pdf'))).rejects.toMatchObject({ code: 'PDF_ENCRYPTED' });
    await expect(sign(broken, join(dir, 'broken-out.pdf'))).rejects.toBeInstanceOf(SigilloError);
    await expect(sign(broken, join(dir, 'broken-out.pdf'))).rejects.toMatchObject({ code: 'PDF_BROKEN' });
    expect(existsSync(join(dir, 'enc-out.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'broken-out.pdf'))).toBe(false);
    expect(readFileSync(enc).equals(encBefore)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the output NAME-signed.pdf and never overwrites silently', async () => {
    const sub = mkdtempSync(join(dir, 'naming-'));
    const input = join(sub, 'Contratto.PDF');
    copyFileSync(writeHandwritten(join(dir, 'n.pdf')), input);
    const r = await signPades({ input, overwrite: false, digest: 'sha256', signer: signer() });
    expect(r.output).toBe(join(sub, 'Contratto-signed.PDF'));
    const first = readFileSync(r.output);
    await expect(
      signPades({ input, overwrite: false, digest: 'sha256', signer: signer() }),
    ).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    expect(readFileSync(r.output).equals(first)).toBe(true);
    const again = await signPades({ input, overwrite: true, digest: 'sha256', signer: signer() });
    expect(again.output).toBe(r.output);
  });

  it('signs with an EC P-256 key', async () => {
    const input = writeHandwritten(join(dir, 'ec.pdf'));
    const out = join(dir, 'ec-signed.pdf');
    const nssEc = makeNssDb(join(dir, 'nss-ec'), fx.pki);
    await sign(input, out, { signer: fileSigner(fx.pki, fx.pki.ecSignature) });
    const sigs = pdfsig(out, nssEc);
    expect(sigs[0]!.valid && sigs[0]!.trusted).toBe(true);
  });
});
