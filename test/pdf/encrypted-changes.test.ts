/**
 * Encrypted PDFs changed after a certification (DocMDP P=1). AES strings whose PKCS#7 padding is invalid read
 * as pdf.js and qpdf read them (the whole last block), not as an empty string: "1000 EUR" changed to "9000 EUR"
 * is a change. And the security handler itself — /Encrypt added, removed or changed, or the first /ID element
 * changed (the file key depends on it, ISO 32000-1 §7.6.3.3) after signing — is refused: it changes how the
 * signed revision reads. The attacker's updates are written here by hand; the CMS is openssl's.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { name, PdfDict, PdfRef, PdfString, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { pageRefs } from '../../electron/core/pdf/pages';
import { nextObjectNumber } from '../../electron/core/pdf/incremental-writer';
import { serializeValue } from '../../electron/core/pdf/pdf-serialize';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { formPdf } from './support/form-pdf';
import { CONTENTS_HEX, encryptWithQpdf, signPlaceholder } from './support/encrypted-signed';
import { fieldNamed, modsAfter, revisionCount } from './support/signed-fields';
import { qpdfCheck } from './support/append-update';

const fx = inject('fixture');

/** the file key of a qpdf-encrypted file (empty user password) */
function fileKey(f: string): Buffer {
  const out = execFileSync('qpdf', ['--show-encryption-key', '--show-encryption', f], { encoding: 'latin1' });
  return Buffer.from(/Encryption key = ([0-9a-f]+)/.exec(out)![1]!, 'hex');
}

/** an AESV2 string of object `num` (Algorithm 1); `badPad`: spaces up to a block boundary, no PKCS#7 padding */
function aes(key: Buffer, num: number, text: string, badPad = false): PdfString {
  const ng = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
  const k = createHash('md5').update(key).update(ng).update('sAlT').digest();
  const iv = randomBytes(16);
  let plain = Buffer.from(text, 'latin1');
  if (badPad) plain = Buffer.concat([plain, Buffer.alloc(16 - (plain.length % 16), 0x20)]);
  const c = createCipheriv('aes-128-cbc', k, iv).setAutoPadding(!badPad);
  return new PdfString(Buffer.concat([iv, c.update(plain), c.final()]), true);
}

/** the form's layout: catalog, page, field "Nome" (decrypted copies) and the next free number */
interface Form {
  root: PdfRef;
  catalog: PdfDict;
  page: PdfRef;
  pageDict: PdfDict;
  field: { num: number; dict: PdfDict };
  next: number;
  /** the signed revision's end (its revision count) */
  revisions?: number;
  /** the trailer's /Encrypt and /ID, as text ('' for a plain file) */
  security: string;
}

function layout(file: string): Form {
  const r = PdfReader.open(file);
  try {
    const page = pageRefs(r.latest, r.catalog())[0]!;
    const ids = r.trailer.get('ID') as PdfString[] | undefined;
    return {
      root: r.trailer.get('Root') as PdfRef,
      catalog: r.catalog().clone(),
      page,
      pageDict: (r.latest.get(page.num) as PdfDict).clone(),
      field: fieldNamed(r, 'Nome'),
      next: nextObjectNumber(r),
      security: r.trailer.has('Encrypt')
        ? `/Encrypt ${serializeValue(r.trailer.get('Encrypt')!)} /ID [${ids!.map(serializeValue).join(' ')}] `
        : '',
    };
  } finally {
    r.close();
  }
}

/** `file` plus an update of `objs` (classic xref section) whose trailer carries `security` */
function update(
  file: Buffer,
  objs: [number, PdfValue | string][],
  size: number,
  root: PdfRef,
  security: string,
) {
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(file.toString('latin1'))![1];
  let text = '\n';
  const at = new Map<number, number>();
  for (const [n, v] of objs) {
    at.set(n, file.length + text.length);
    text += `${n} 0 obj\n${typeof v === 'string' ? v : serializeValue(v)}\nendobj\n`;
  }
  const xref = file.length + text.length;
  text += 'xref\n';
  for (const [n, off] of [...at].sort((a, b) => a[0] - b[0]))
    text += `${n} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${size} /Root ${serializeValue(root)} ${security}/Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([file, Buffer.from(text, 'latin1')]);
}

/**
 * certifies (DocMDP P=1, openssl CMS) the form `input` with "Nome" set to `value`: the signature field has no
 * strings, the certification signature dictionary none but its /Contents (never encrypted)
 */
function certify(
  input: string,
  output: string,
  key: Buffer | undefined,
  value: string,
  badPad = false,
): Form {
  const f = layout(input);
  const num = f.field.num;
  const text = (s: string, bad = false) => (key ? aes(key, num, s, bad) : new PdfString(Buffer.from(s)));
  const field = f.field.dict.clone().set('T', text('Nome')).set('V', text(value, badPad));
  const [sig, widget] = [f.next, f.next + 1];
  const catalog = f.catalog
    .clone()
    .set('Perms', new PdfDict().set('DocMDP', ref(sig)))
    .set('AcroForm', new PdfDict().set('Fields', [ref(f.field.num), ref(widget)]).set('SigFlags', 3));
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Reference [ << /Type /SigRef ` +
    `/TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 1 /V /1.2 >> >> ] ` +
    `/ByteRange [0 0000000000 0000000000 0000000000] /Contents <${'0'.repeat(CONTENTS_HEX)}> >>`;
  const widgetDict = new PdfDict()
    .set('Type', name('Annot'))
    .set('Subtype', name('Widget'))
    .set('FT', name('Sig'))
    .set('V', ref(sig))
    .set('Rect', [0, 0, 0, 0])
    .set('P', f.page)
    .set('F', 132);
  const annots = [...((f.pageDict.get('Annots') as PdfValue[] | undefined) ?? []), ref(widget)];
  const pageDict = f.pageDict.clone().set('Annots', annots);
  const base = readFileSync(input);
  const file = update(
    base,
    [
      [f.root.num, catalog],
      [num, field],
      [f.page.num, pageDict],
      [sig, sigDict],
      [widget, widgetDict],
    ],
    widget + 1,
    f.root,
    f.security,
  );
  signPlaceholder(file, base.length, output, fx.pki);
  return { ...f, pageDict, field: { num, dict: field }, next: widget + 1, revisions: revisionCount(output) };
}

/** `input` plus an update of "Nome" (only /V changed) and `extra` objects, with the trailer's `security` */
function changeValue(
  input: string,
  output: string,
  f: Form,
  value: PdfString,
  security = f.security,
  extra: [number, PdfValue][] = [],
): string {
  const field = f.field.dict.clone().set('V', value);
  const size = Math.max(f.next, ...extra.map(([n]) => n + 1));
  writeFileSync(
    output,
    update(readFileSync(input), [[f.field.num, field], ...extra], size, f.root, security),
  );
  return output;
}

/** `input` plus an update that rewrites the signed page as it was, with the trailer's `security` */
function trailerOnly(
  input: string,
  output: string,
  f: Form,
  security: string,
  extra: [number, PdfValue][] = [],
) {
  const size = Math.max(f.next, ...extra.map(([n]) => n + 1));
  writeFileSync(
    output,
    update(readFileSync(input), [[f.page.num, f.pageDict], ...extra], size, f.root, security),
  );
  return output;
}

describe('encrypted PDFs changed after a certification (DocMDP P=1)', () => {
  let dir: string;
  let trust: TrustStore;
  let plainForm: string;
  let encForm: string;
  let key: Buffer;
  const verdict = async (f: string) => (await verifyPdf(f, { trust })).signatures[0]!;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-encrypted-changes-'));
    trust = new TrustStore(await readTrustFile(fx.pki.rootPem));
    plainForm = formPdf(dir, 'form');
    encForm = encryptWithQpdf(plainForm, join(dir, 'form-enc.pdf'), ['', 'owner', '128', '--use-aes=y']);
    key = fileKey(encForm);
  });

  describe('AES strings with invalid padding', () => {
    let signed: string;
    let form: Form;
    beforeAll(() => {
      signed = join(dir, 'badpad-signed.pdf');
      form = certify(encForm, signed, key, '1000 EUR', true);
    });

    it('the certified file verifies and reads its value as pdf.js does (the whole last block)', async () => {
      expect(qpdfCheck(signed)).toBe(0);
      const s = await verdict(signed);
      expect(s.integrity).toBe('valid');
      expect(s.coversWholeDocument).toBe(true);
      const r = PdfReader.open(signed);
      try {
        expect(((r.latest.get(form.field.num) as PdfDict).get('V') as PdfString).text()).toBe(
          '1000 EUR        ',
        );
      } finally {
        r.close();
      }
    });

    it('"1000 EUR" changed to "9000 EUR", both without valid padding: refused (was two equal empty strings)', async () => {
      const f = changeValue(
        signed,
        join(dir, 'badpad-changed.pdf'),
        form,
        aes(key, form.field.num, '9000 EUR', true),
      );
      expect(qpdfCheck(f)).toBe(0);
      const m = modsAfter(f, form.revisions!);
      expect(m.allowed).toBe(false);
      const s = await verdict(f);
      expect(s.integrity).toBe('valid');
      expect(s.indication).not.toBe('TOTAL_PASSED');
    });

    it('the same value encrypted again (another IV, the same invalid padding): no change', () => {
      const f = changeValue(
        signed,
        join(dir, 'badpad-same.pdf'),
        form,
        aes(key, form.field.num, '1000 EUR', true),
      );
      const m = modsAfter(f, form.revisions!);
      expect(m.items).toEqual([]);
      expect(m.allowed).toBe(true);
    });

    it('a value too short to be AES data is never the same as a decrypted value of the same bytes', () => {
      const plain = join(dir, 'good-signed.pdf');
      const good = certify(encForm, plain, key, '1000 EUR');
      // "(1000 EUR)" is 8 bytes: pdf.js shows an empty field, the signed version showed 1000 EUR
      const f = changeValue(plain, join(dir, 'short.pdf'), good, new PdfString(Buffer.from('1000 EUR')));
      expect(modsAfter(f, good.revisions!).allowed).toBe(false);
    });
  });

  describe('the security handler changed after signing', () => {
    let plainSigned: string;
    let plainLayout: Form;
    let encSigned: string;
    let encLayout: Form;
    beforeAll(() => {
      plainSigned = join(dir, 'plain-signed.pdf');
      plainLayout = certify(plainForm, plainSigned, undefined, '1000 EUR');
      encSigned = join(dir, 'enc-signed.pdf');
      encLayout = certify(encForm, encSigned, key, '1000 EUR');
    });
    const encryption = expect.objectContaining({ rule: 'encryption', allowed: false, kind: 'object' });

    it('/Encrypt added with the value changed ("9000 EUR" without valid padding): refused', async () => {
      // the /Encrypt dictionary and /ID of another qpdf-encrypted file, whose key encrypts the new value
      const donor = layout(encForm);
      const r = PdfReader.open(encForm);
      let encDict: PdfValue;
      try {
        encDict = r.latest.get((r.trailer.get('Encrypt') as PdfRef).num)!;
      } finally {
        r.close();
      }
      const encNum = plainLayout.next;
      const security = donor.security.replace(/\/Encrypt \d+ 0 R/, `/Encrypt ${encNum} 0 R`);
      const f = changeValue(
        plainSigned,
        join(dir, 'late-enc.pdf'),
        plainLayout,
        aes(key, plainLayout.field.num, '9000 EUR', true),
        security,
        [[encNum, encDict]],
      );
      const m = modsAfter(f, plainLayout.revisions!);
      expect(m.allowed).toBe(false);
      expect(m.items).toContainEqual(encryption);
      const s = await verdict(f);
      expect(s.integrity).toBe('valid');
      expect(s.indication).not.toBe('TOTAL_PASSED');
    });

    it('/Encrypt added, nothing else: refused (every signed string now reads through the new key)', () => {
      const r = PdfReader.open(encForm);
      let encDict: PdfValue;
      try {
        encDict = r.latest.get((r.trailer.get('Encrypt') as PdfRef).num)!;
      } finally {
        r.close();
      }
      const encNum = plainLayout.next;
      const security = layout(encForm).security.replace(/\/Encrypt \d+ 0 R/, `/Encrypt ${encNum} 0 R`);
      const f = trailerOnly(plainSigned, join(dir, 'late-enc-only.pdf'), plainLayout, security, [
        [encNum, encDict],
      ]);
      expect(modsAfter(f, plainLayout.revisions!).items).toEqual([encryption]);
    });

    it('/Encrypt removed from the latest trailer, or another first /ID: refused', () => {
      const dropped = trailerOnly(encSigned, join(dir, 'enc-dropped.pdf'), encLayout, '');
      expect(modsAfter(dropped, encLayout.revisions!).items).toEqual([encryption]);
      const security = encLayout.security.replace(/\/ID \[<[0-9a-f]+>/, `/ID [<${'ab'.repeat(16)}>`);
      expect(security).not.toBe(encLayout.security);
      const otherId = trailerOnly(encSigned, join(dir, 'enc-other-id.pdf'), encLayout, security);
      expect(modsAfter(otherId, encLayout.revisions!).items).toEqual([encryption]);
    });

    it('an honest update repeating /Encrypt and /ID (a new second /ID): no encryption item', () => {
      const security = encLayout.security.replace(/> ?<[0-9a-f]+>\]/, `> <${'cd'.repeat(16)}>]`);
      expect(security).not.toBe(encLayout.security);
      const f = trailerOnly(encSigned, join(dir, 'enc-honest.pdf'), encLayout, security);
      expect(qpdfCheck(f)).toBe(0);
      expect(modsAfter(f, encLayout.revisions!).items).toEqual([]);
    });
  });
});
