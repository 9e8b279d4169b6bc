/**
 * Encrypted PDFs (issue 18): a signature's /Contents is never encrypted and /ByteRange is numbers, so the
 * signatures of an encrypted PDF verify without the password; strings are decrypted with the empty user password
 * when it opens the file (RC4 40/128, AESV2, AESV3), and stay undecrypted otherwise.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { allFields } from '../../electron/core/pdf/form-fields';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { writeHandwritten } from './support/make-pdf';
import { encryptWithQpdf, signEncrypted } from './support/encrypted-signed';

const fx = inject('fixture');

const EMPTY_PASSWORD: [string, string[]][] = [
  ['RC4 40-bit (R2)', ['', 'owner', '40']],
  ['RC4 128-bit (R3)', ['', 'owner', '128', '--use-aes=n']],
  ['AES-128 (AESV2, R4)', ['', 'owner', '128', '--use-aes=y']],
  ['AES-256 (AESV3, R6)', ['', 'owner', '256']],
];

describe('encrypted PDFs', () => {
  let dir: string;
  let plain: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-encrypted-'));
    plain = writeHandwritten(join(dir, 'plain.pdf'), { emptySigField: 'Firma Cliente' });
  });

  it.each(EMPTY_PASSWORD)('%s with an empty user password: strings read decrypted', (_, args) => {
    const f = encryptWithQpdf(plain, join(dir, `e-${args.join('')}.pdf`), args);
    expect(readFileSync(f).includes('Firma Cliente')).toBe(false);
    const r = PdfReader.open(f);
    try {
      expect(r.encrypted).toBe(true);
      const fields = allFields(r.latest, r.latest.dict(r.catalog().get('AcroForm')));
      expect(fields.map((x) => x.fullName)).toEqual(['Firma Cliente']);
    } finally {
      r.close();
    }
  });

  it('with a real user password: readable structure, strings left encrypted (no key guessed)', () => {
    const f = encryptWithQpdf(plain, join(dir, 'e-user.pdf'), ['segreto', 'owner', '128', '--use-aes=y']);
    const r = PdfReader.open(f);
    try {
      const fields = allFields(r.latest, r.latest.dict(r.catalog().get('AcroForm')));
      expect(fields).toHaveLength(1);
      expect(fields[0]!.fullName).not.toBe('Firma Cliente');
    } finally {
      r.close();
    }
  });

  it.each([
    ...EMPTY_PASSWORD,
    ['AES-128 with a user password', ['segreto', 'owner', '128', '--use-aes=y']] as [string, string[]],
  ])(
    '%s: a signature added by an incremental update verifies (integrity valid, whole document)',
    async (_, args) => {
      const enc = encryptWithQpdf(plain, join(dir, `s-${args.join('')}.pdf`), args);
      const signed = join(dir, `s-${args.join('')}-signed.pdf`);
      signEncrypted(enc, signed, fx.pki);
      const rep = await verifyPdf(signed, { trust: new TrustStore([]) });
      expect(rep.signatures).toHaveLength(1);
      expect(rep.signatures[0]!.integrity).toBe('valid');
      expect(rep.signatures[0]!.coversWholeDocument).toBe(true);
      // and one changed signed byte breaks it
      const bytes = readFileSync(signed);
      const at = bytes.indexOf('/MediaBox') + 2;
      bytes[at] = bytes[at]! ^ 0x20;
      writeFileSync(signed, bytes);
      const bad = await verifyPdf(signed, { trust: new TrustStore([]) });
      expect(bad.signatures[0]!.integrity).toBe('invalid');
    },
  );

  it('an update whose trailer drops /Encrypt: the file is still read as encrypted, the signature verifies', async () => {
    const enc = encryptWithQpdf(plain, join(dir, 'sloppy.pdf'), ['', 'owner', '128', '--use-aes=y']);
    const signed = join(dir, 'sloppy-signed.pdf');
    signEncrypted(enc, signed, fx.pki, false);
    const r = PdfReader.open(signed);
    try {
      expect(r.trailer.has('Encrypt')).toBe(false);
      expect(r.encrypted).toBe(true);
      const names = allFields(r.latest, r.latest.dict(r.catalog().get('AcroForm'))).map((f) => f.fullName);
      expect(names).toEqual(['']);
    } finally {
      r.close();
    }
    const rep = await verifyPdf(signed, { trust: new TrustStore([]) });
    expect(rep.signatures[0]!.integrity).toBe('valid');
  });
});
