/**
 * Test containers: a ZIP written by python3's zipfile (mimetype first and stored, the rest deflated), CAdES
 * detached signatures by `openssl cms -sign -binary`, XAdES detached signatures by xmlsec1.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IssuedCert, TestPki } from '../../support/pki';
import { fileReferences, xadesTemplate } from '../../xades/support/fatturapa-sample';
import { xmlsecSign } from '../../xades/support/xmlsec';

export const MIME_E = 'application/vnd.etsi.asic-e+zip';
export const MIME_S = 'application/vnd.etsi.asic-s+zip';

const PY = `
import sys, json, zipfile
spec = json.load(open(sys.argv[1]))
with zipfile.ZipFile(spec['out'], 'w') as z:
    if spec.get('mimetype'):
        z.writestr(zipfile.ZipInfo('mimetype'), spec['mimetype'], compress_type=zipfile.ZIP_STORED)
    for name, path in spec['entries']:
        z.write(path, arcname=name, compress_type=zipfile.ZIP_DEFLATED) if '..' not in name else z.writestr(zipfile.ZipInfo(name), open(path,'rb').read())
`;

/** entries: [name inside the zip, file on disk] */
export function writeZip(out: string, mimetype: string | null, entries: [string, string][]): string {
  const spec = `${out}.json`;
  writeFileSync(spec, JSON.stringify({ out, mimetype, entries }));
  execFileSync('python3', ['-c', PY, spec]);
  return out;
}

/** CAdES detached signature (DER) of `content` */
export function cadesDetached(content: string, out: string, signer: IssuedCert, pki: TestPki): string {
  execFileSync('openssl', [
    'cms',
    '-sign',
    '-cades',
    '-binary',
    '-in',
    content,
    '-signer',
    signer.certPem,
    '-inkey',
    signer.keyPem,
    '-certfile',
    pki.caPem,
    '-outform',
    'DER',
    '-out',
    out,
    '-md',
    'sha256',
  ]);
  return out;
}

/** XAdES detached signature over `names` (files in `stage`), as an ASiC signatures.xml */
export function xadesDetached(stage: string, names: string[], signer: IssuedCert): string {
  const template = join(stage, 'signatures-template.xml');
  const signature = xadesTemplate(signer.certPem, new Date(), fileReferences(names));
  writeFileSync(
    template,
    `<?xml version="1.0" encoding="UTF-8"?>\n<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${signature}</asic:XAdESSignatures>\n`,
  );
  const out = join(stage, 'signatures-signed.xml');
  xmlsecSign(template, out, signer, stage);
  return out;
}

/** writes `files` (name → text) under `stage`, creating sub-folders */
export function stageFiles(stage: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(stage, name)), { recursive: true });
    writeFileSync(join(stage, name), text);
  }
}

/** a new folder `name` in `dir` holding `files` (name → text): the data files of a container, staged */
export function stageIn(dir: string, name: string, files: Record<string, string>): string {
  const s = join(dir, name);
  mkdirSync(s);
  stageFiles(s, files);
  return s;
}

/** an ASiCManifest naming `sig` and the digests of `names` in `stage` */
export function asicManifest(stage: string, sig: string, names: string[]): string {
  const refs = names
    .map((n) => {
      const d = createHash('sha256')
        .update(readFileSync(join(stage, n)))
        .digest('base64');
      return `<asic:DataObjectReference URI="${encodeURI(n)}"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${d}</ds:DigestValue></asic:DataObjectReference>`;
    })
    .join('');
  const out = join(stage, 'ASiCManifest.xml');
  writeFileSync(
    out,
    `<?xml version="1.0" encoding="UTF-8"?><asic:ASiCManifest xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><asic:SigReference URI="${sig}" MimeType="application/pkcs7-signature"/>${refs}</asic:ASiCManifest>`,
  );
  return out;
}
