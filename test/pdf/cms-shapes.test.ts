/**
 * The CMS a PDF signature holds must have the shape its SubFilter names; each case is built here with openssl
 * over the byte ranges of a small handwritten PDF. SHA-1 counts against the crypto constraints under every
 * SubFilter, including the SHA-1 of the ranges that adbe.pkcs7.sha1 signs.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { makeTsaPki, type TsaPki } from '../support/tsa-server';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { classicPdf, pdfWithCms } from './support/cms-pdf';
import { CMS_LIMITS } from '../../electron/core/cms/limits';
import { SigilloError } from '../../electron/core/errors';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;
let tsa: TsaPki;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'cms-shapes-'));
  trust = new TrustStore(await readTrustFile(fx.pki.rootPem));
  tsa = makeTsaPki(join(dir, 'tsa'));
});

/** an RFC 3161 timestamp token (openssl ts) over `data` */
function timestampToken(data: Buffer): Uint8Array {
  const base = join(dir, `ts-${++n}`);
  writeFileSync(base, data);
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: tsa.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['ts', '-query', '-data', base, '-sha256', '-cert', '-out', `${base}.tsq`]);
  run([
    'ts',
    '-reply',
    '-config',
    tsa.config,
    '-queryfile',
    `${base}.tsq`,
    '-token_out',
    '-out',
    `${base}.tok`,
  ]);
  return new Uint8Array(readFileSync(`${base}.tok`));
}

/** openssl cms -sign over `data`: detached by default, -nodetach for an enveloping CMS */
function cms(data: Buffer, o: { md?: string; enveloping?: boolean } = {}): Uint8Array {
  const input = join(dir, `in-${++n}`);
  writeFileSync(input, data);
  return opensslCmsSign({
    input,
    out: `${input}.p7m`,
    signer: fx.pki.signature,
    certfile: fx.pki.caPem,
    md: o.md,
    flags: o.enveloping ? ['-nodetach'] : [],
  });
}

async function verdict(subFilter: string, make: (signed: Buffer) => Uint8Array) {
  const file = pdfWithCms(join(dir, `doc-${++n}.pdf`), subFilter, make);
  const r = await verifyPdf(file, { trust });
  expect(r.signatures).toHaveLength(1);
  return r.signatures[0]!;
}

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();

describe('PDF CMS shapes by SubFilter', () => {
  it('ETSI.CAdES.detached with a detached CMS: intact (the baseline the other cases change)', async () => {
    const s = await verdict('ETSI.CAdES.detached', (b) => cms(b));
    expect(s.integrity).toBe('valid');
    expect(s.subIndication).not.toBe('FORMAT_FAILURE');
  });

  it('an enveloping CMS whose eContent is exactly the byte-range bytes: intact (as DSS)', async () => {
    const s = await verdict('ETSI.CAdES.detached', (b) => cms(b, { enveloping: true }));
    expect(s.integrity).toBe('valid');
  });

  it('an enveloping CMS over other bytes: FORMAT_FAILURE, even though its own signature holds', async () => {
    const s = await verdict('adbe.pkcs7.detached', (b) =>
      cms(Buffer.concat([b, Buffer.from(' ')]), { enveloping: true }),
    );
    expect(s.integrity).toBe('invalid');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
  });

  it('a SHA-1 eContent under ETSI.CAdES.detached: FORMAT_FAILURE', async () => {
    const s = await verdict('ETSI.CAdES.detached', (b) => cms(sha1(b), { enveloping: true }));
    expect(s.integrity).toBe('invalid');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
  });

  it('adbe.pkcs7.sha1 with the SHA-1 of the ranges: intact, but SHA-1 fails the crypto constraints', async () => {
    const s = await verdict('adbe.pkcs7.sha1', (b) => cms(sha1(b), { enveloping: true, md: 'sha256' }));
    expect(s.integrity).toBe('valid');
    expect(s.indication).not.toBe('TOTAL_PASSED');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('adbe.pkcs7.sha1 carrying the SHA-256 of the ranges, or a detached CMS: not intact', async () => {
    const sha256 = await verdict('adbe.pkcs7.sha1', (b) =>
      cms(createHash('sha256').update(b).digest(), { enveloping: true }),
    );
    expect(sha256.integrity).toBe('invalid');
    expect(sha256.subIndication).toBe('HASH_FAILURE');
    const detached = await verdict('adbe.pkcs7.sha1', (b) => cms(b));
    expect(detached.integrity).toBe('invalid');
    expect(detached.subIndication).toBe('FORMAT_FAILURE');
  });

  it('a SHA-1 detached signature under adbe.pkcs7.detached: intact, CRYPTO_CONSTRAINTS_FAILURE_NO_POE', async () => {
    const s = await verdict('adbe.pkcs7.detached', (b) => cms(b, { md: 'sha1' }));
    expect(s.integrity).toBe('valid');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('ETSI.RFC3161 holding a plain signature instead of a timestamp token: FORMAT_FAILURE', async () => {
    const s = await verdict('ETSI.RFC3161', (b) => cms(b, { enveloping: true }));
    expect(s.integrity).toBe('invalid');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
  });

  it('a document timestamp over the ranges is intact; one copied from another file (imprint mismatch) is not', async () => {
    const own = await verdict('ETSI.RFC3161', (b) => timestampToken(b));
    expect(own.integrity).toBe('valid');
    const copied = await verdict('ETSI.RFC3161', () => timestampToken(Buffer.from('another document')));
    expect(copied.integrity).toBe('invalid');
    expect(copied.subIndication).toBe('HASH_FAILURE');
  });

  it('a CMS with a second SignerInfo (an untrusted self-signed key): FORMAT_FAILURE naming 2 signers (as DSS)', async () => {
    const evilKey = join(dir, 'evil.key');
    const evilPem = join(dir, 'evil.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=EVIL'].concat([
        '-days',
        '30',
        '-keyout',
        evilKey,
        '-out',
        evilPem,
      ]),
      { stdio: 'ignore' },
    );
    const alone = await verdict('ETSI.CAdES.detached', (b) => cms(b));
    const s = await verdict('ETSI.CAdES.detached', (b) => {
      const input = join(dir, `in-${++n}`);
      writeFileSync(input, b);
      const p = fx.pki.signature;
      const args = ['cms', '-sign', '-binary', '-md', 'sha256', '-outform', 'DER', '-in', input];
      args.push('-signer', p.certPem, '-inkey', p.keyPem, '-signer', evilPem, '-inkey', evilKey);
      args.push('-certfile', fx.pki.caPem, '-out', `${input}.p7m`);
      execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      return new Uint8Array(readFileSync(`${input}.p7m`));
    });
    // the same signer alone: no format failure (the fixture's CRLs are not served here: INDETERMINATE)
    expect(alone.indication).not.toBe('TOTAL_FAILED');
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    // both signers are named (the order of the SET is openssl's), the real one and the untrusted one
    const said = s.messages.join('\n');
    expect(said).toMatch(/\b2\b.*SignerInfo/);
    expect(said).toContain('EVIL');
    expect(said).toContain(alone.signer.commonName!);
  });

  it('more signature fields than the cap → PDF_TOO_MANY_SIGNATURES before any is checked', async () => {
    const n = CMS_LIMITS.pdfSignatures + 1;
    const fields = Array.from(
      { length: n },
      (_, i) =>
        `<< /FT /Sig /T (F${i}) /V << /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 1 2 3] /Contents <00> >> >>`,
    );
    const kids = fields.map((_, i) => `${i + 3} 0 R`).join(' ');
    const file = join(dir, 'many-fields.pdf');
    writeFileSync(
      file,
      classicPdf([
        `<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${kids}] >> >>`,
        '<< /Type /Pages /Kids [] /Count 0 >>',
        ...fields,
      ]),
      'latin1',
    );
    const err = await verifyPdf(file, { trust }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SigilloError);
    expect((err as SigilloError).code).toBe('PDF_TOO_MANY_SIGNATURES');
  });
});
