/**
 * An encrypted PDF (qpdf, standard security handler) signed by an incremental update written here: a /Sig
 * dictionary (its /Contents, never encrypted, ISO 32000-1 §7.6.1), a widget without strings, the catalog with
 * /AcroForm, and a classic xref section whose trailer keeps /Encrypt and /ID. The CMS is made by openssl over the
 * byte ranges, with the test PKI's signature certificate.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PdfReader } from '../../../electron/core/pdf/pdf-reader';
import { PdfRef } from '../../../electron/core/pdf/pdf-objects';
import { pageRefs } from '../../../electron/core/pdf/pages';
import type { TestPki } from '../../support/pki';

export const CONTENTS_HEX = 16384;

export function encryptWithQpdf(plain: string, out: string, args: string[]): string {
  execFileSync('qpdf', ['--allow-weak-crypto', '--encrypt', ...args, '--', plain, out]);
  return out;
}

/** `repeatEncrypt` false: a sloppy update whose trailer drops /Encrypt and /ID (the older trailer still has them) */
export function signEncrypted(input: string, output: string, pki: TestPki, repeatEncrypt = true): void {
  const base = readFileSync(input);
  const r = PdfReader.open(input);
  let text: string;
  try {
    const root = r.trailer.get('Root') as PdfRef;
    const pages = r.catalog().get('Pages') as PdfRef;
    const page = pageRefs(r.latest, r.catalog())[0]!;
    const size = Math.max(...r.sections.flatMap((s) => [...s.entries.keys()])) + 1;
    const [sig, widget] = [size, size + 1];
    const enc = r.trailer.get('Encrypt') as PdfRef;
    const idHex = (r.trailer.get('ID') as { bytes: Uint8Array }[]).map((s) =>
      Buffer.from(s.bytes).toString('hex'),
    );
    const objs: [number, string][] = [
      [
        sig,
        `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0000000000 0000000000 0000000000] /Contents <${'0'.repeat(CONTENTS_HEX)}> >>`,
      ],
      [
        widget,
        `<< /Type /Annot /Subtype /Widget /FT /Sig /V ${sig} 0 R /Rect [0 0 0 0] /P ${page} /F 132 >>`,
      ],
      [root.num, `<< /Type /Catalog /Pages ${pages} /AcroForm << /Fields [${widget} 0 R] /SigFlags 3 >> >>`],
    ];
    text = '\n';
    const offsets = new Map<number, number>();
    for (const [n, body] of objs) {
      offsets.set(n, base.length + text.length);
      text += `${n} 0 obj\n${body}\nendobj\n`;
    }
    const xrefAt = base.length + text.length;
    text += 'xref\n';
    for (const [n, off] of [...offsets].sort((a, b) => a[0] - b[0])) {
      text += `${n} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
    }
    text += `trailer\n<< /Size ${widget + 1} /Root ${root} ${repeatEncrypt ? `/Encrypt ${enc} /ID [<${idHex[0]}> <${idHex[1]}>] ` : ''}/Prev ${r.sections[0]!.offset} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  } finally {
    r.close();
  }
  signPlaceholder(Buffer.concat([base, Buffer.from(text, 'latin1')]), base.length, output, pki);
}

/**
 * fills the /ByteRange and /Contents placeholders written after `from` (`[0 0000000000 0000000000 0000000000]`,
 * CONTENTS_HEX zeros) with openssl's CMS over the byte ranges, and writes `output`
 */
export function signPlaceholder(file: Buffer, from: number, output: string, pki: TestPki): void {
  const gapStart = file.indexOf('/Contents <', from) + 10;
  const gapEnd = gapStart + CONTENTS_HEX + 2;
  const br = [0, gapStart, gapEnd, file.length - gapEnd];
  const brText = `[${br.map((n, i) => (i === 0 ? '0' : String(n).padStart(10, '0'))).join(' ')}]`;
  const brAt = file.indexOf('[0 0000000000 0000000000 0000000000]', from);
  file.write(brText, brAt, 'latin1');
  const signed = Buffer.concat([file.subarray(0, gapStart), file.subarray(gapEnd)]);
  const dataFile = `${output}.ranges`;
  writeFileSync(dataFile, signed);
  const der = execFileSync('openssl', [
    'cms',
    '-sign',
    '-binary',
    '-md',
    'sha256',
    '-outform',
    'DER',
    '-in',
    dataFile,
    '-signer',
    pki.signature.certPem,
    '-inkey',
    pki.signature.keyPem,
    '-certfile',
    pki.caPem,
  ]);
  file.write(der.toString('hex'), gapStart + 1, 'latin1');
  writeFileSync(output, file);
}
