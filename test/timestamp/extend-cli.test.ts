/**
 * `sigillo extend --level T|LT` on p7m files from openssl, with the loopback TSA and a loopback CA (CRL over
 * HTTP): nothing signed changes (openssl cms -verify, same content), the attributes appear in order, and the
 * LT file verifies with --offline once the CA's services are down.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { opensslVerify } from '../cms/helpers';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { ltFinisher } from '../../electron/core/sign/cades-lt';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { signCades } from '../../electron/core/sign/cades';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { signPades } from '../../electron/core/sign/pades-sign';
import { signatureTimestamper } from '../../electron/core/sign/cades-t';
import { raisePdfInPlace } from '../../electron/core/sign/pades-levels';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { qpdfCheck } from '../pdf/support/nss';
import { runCli } from '../support/cli';
import { opensslP7m, useTsaAndCa } from './support/ltv-fixture';

const ltv = useTsaAndCa('sigillo-extend-', 'extend-signer');
let n = 0;

function p7m(): { doc: string; p7m: string } {
  const d = join(ltv.dir, `t${n++}`);
  mkdirSync(d);
  const doc = join(d, 'atto.txt');
  writeFileSync(doc, `Atto da conservare ${n}.\n`);
  return { doc, p7m: opensslP7m(doc, ltv.signer) };
}

function unsignedOids(file: string): string[] {
  const b = readFileSync(file);
  const ci = asn1js.fromBER(b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer)
    .result as asn1js.Sequence;
  const sd = (ci.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const infos = sd.valueBlock.value[sd.valueBlock.value.length - 1] as asn1js.Set;
  const si = (infos.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
  const last = si[si.length - 1] as asn1js.Constructed;
  if (last.idBlock.tagClass !== 3 || last.idBlock.tagNumber !== 1) return [];
  return last.valueBlock.value.map((a) =>
    ((a as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
  );
}

async function verifyOffline(file: string) {
  const v = await runCli(
    ['verify', '--json', '--offline', '--no-tsl', '--trust', ltv.trust, file],
    ltv.env(),
  );
  return JSON.parse(v.stdout)[0].signatures[0];
}

describe('sigillo extend', () => {
  it('--level LT: adds T + certificate-values + revocation-values; openssl still verifies; offline verification passes', async () => {
    ltv.ca.crlUp = true;
    const { doc, p7m: file } = p7m();
    const r = await runCli(
      ['extend', '--json', '--level', 'LT', '--tsa', ltv.tsa.url, '--overwrite', file],
      ltv.env(),
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ output: file, added: ['1: T', '1: LT'] });
    expect(unsignedOids(file)).toEqual([
      '1.2.840.113549.1.9.16.2.14',
      '1.2.840.113549.1.9.16.2.23',
      '1.2.840.113549.1.9.16.2.24',
    ]);
    const content = join(ltv.dir, `content-${n}.txt`);
    expect(opensslVerify(file, ltv.ca.rootPem, { out: content }).ok).toBe(true);
    expect(readFileSync(content).equals(readFileSync(doc))).toBe(true);

    ltv.ca.crlUp = false;
    ltv.ca.ocspUp = false;
    try {
      const s = await verifyOffline(file);
      expect(s.revocation).toMatchObject({ status: 'good', source: 'crl' });
      expect(s).toMatchObject({ integrity: 'valid', indication: 'TOTAL_PASSED' });
      const plain = await verifyOffline(p7m().p7m);
      expect(plain.subIndication).toBe('TRY_LATER');
    } finally {
      ltv.ca.crlUp = true;
      ltv.ca.ocspUp = true;
    }
    const again = await runCli(
      ['extend', '--json', '--level', 'LT', '--tsa', ltv.tsa.url, '--overwrite', file],
      ltv.env(),
    );
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ output: null, added: [] });
  });

  it('--level T into another folder keeps the input as it was; the timestamp verifies', async () => {
    const { p7m: file } = p7m();
    const before = readFileSync(file);
    const out = join(ltv.dir, `out-${n}`);
    mkdirSync(out);
    const r = await runCli(
      ['extend', '--json', '--level', 'T', '--tsa', ltv.tsa.url, '--out', out, file],
      ltv.env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const extended = JSON.parse(r.stdout)[0].output as string;
    expect(extended.startsWith(out)).toBe(true);
    expect(unsignedOids(extended)).toEqual(['1.2.840.113549.1.9.16.2.14']);
    const s = await verifyOffline(extended);
    expect(s.timestamps[0]).toMatchObject({ integrity: 'valid' });
  });

  it('clear errors: CRL unreachable for LT, no TSA, not a p7m, no level', async () => {
    const { p7m: file } = p7m();
    ltv.ca.crlUp = false;
    try {
      const r = await runCli(
        ['extend', '--json', '--level', 'LT', '--tsa', ltv.tsa.url, '--overwrite', file],
        ltv.env(),
      );
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)[0].error.code).toBe('LT_REVOCATION_UNAVAILABLE');
    } finally {
      ltv.ca.crlUp = true;
    }
    const noTsa = await runCli(['extend', '--json', '--level', 'T', '--overwrite', file], ltv.env());
    expect(JSON.parse(noTsa.stdout)[0].error.code).toBe('TSA_URL_MISSING');
    const plain = join(ltv.dir, 'plain.txt');
    writeFileSync(plain, 'x');
    const np = await runCli(
      ['extend', '--json', '--level', 'T', '--tsa', ltv.tsa.url, '--overwrite', plain],
      ltv.env(),
    );
    expect(JSON.parse(np.stdout)[0].error.code).toBe('EXTEND_UNSUPPORTED');
    expect((await runCli(['extend', file], ltv.env())).code).toBe(2);
  });
});

describe('signing at level LT (core, software key from the loopback CA)', () => {
  it('signCades with the LT finisher: openssl-valid, and it verifies offline from the embedded CRL', async () => {
    const d = join(ltv.dir, `lt-sign-${n++}`);
    mkdirSync(d);
    const input = join(d, 'verbale.txt');
    writeFileSync(input, 'Verbale firmato a livello LT.\n');
    const r = await signCades({
      input,
      overwrite: false,
      digest: 'sha256',
      signer: new SoftwareSigner({ keyPem: ltv.signer.keyPem, certPem: ltv.signer.certPem }),
      nest: false,
      finishSignerInfo: ltFinisher({ url: ltv.tsa.url }),
    });
    expect(opensslVerify(r.output, ltv.ca.rootPem).ok).toBe(true);
    expect(unsignedOids(r.output)).toEqual([
      '1.2.840.113549.1.9.16.2.14',
      '1.2.840.113549.1.9.16.2.23',
      '1.2.840.113549.1.9.16.2.24',
    ]);
    const store = new TrustStore([
      ...(await readTrustFile(ltv.pki.rootPem)),
      ...(await readTrustFile(ltv.ca.rootPem)),
    ]);
    const offline = createRevocationChecker({ offline: true, cacheDir: null });
    const [s] = (await verifyFile(r.output, { trust: store, revocation: offline })).signatures;
    expect(s?.revocation).toMatchObject({ status: 'good', source: 'crl' });
    expect(s).toMatchObject({ integrity: 'valid', indication: 'TOTAL_PASSED' });
  });
});

describe('sigillo extend --level LT on a signed PDF (PAdES-B-LT, DSS/VRI)', () => {
  it('appends a DSS with the certificates and CRLs; earlier bytes unchanged, qpdf clean, verifies offline', async () => {
    const d = join(ltv.dir, `pdf-${n++}`);
    mkdirSync(d);
    const signed = join(d, 'modulo-signed.pdf');
    await signPades({
      input: writeHandwritten(join(d, 'modulo.pdf')),
      output: signed,
      overwrite: false,
      digest: 'sha256',
      signer: new SoftwareSigner({ keyPem: ltv.signer.keyPem, certPem: ltv.signer.certPem }),
    });
    const before = readFileSync(signed);
    const out = join(d, 'out');
    mkdirSync(out);
    ltv.ca.crlUp = true;
    const r = await runCli(['extend', '--json', '--level', 'LT', '--out', out, signed], ltv.env());
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const lt = JSON.parse(r.stdout)[0].output as string;
    expect(JSON.parse(r.stdout)[0].added).toEqual(['DSS']);
    const after = readFileSync(lt);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString('latin1')).toMatch(/\/DSS \d+ 0 R/);
    expect(after.subarray(before.length).toString('latin1')).toMatch(/\/VRI <<\s*\/[0-9A-F]{40}/);
    expect(qpdfCheck(lt).ok).toBe(true);

    ltv.ca.crlUp = false;
    ltv.ca.ocspUp = false;
    try {
      const s = await verifyOffline(lt);
      expect(s.revocation).toMatchObject({ status: 'good', source: 'crl' });
      expect(s).toMatchObject({ integrity: 'valid', indication: 'TOTAL_PASSED' });
      expect((await verifyOffline(signed)).subIndication).toBe('TRY_LATER');
    } finally {
      ltv.ca.crlUp = true;
      ltv.ca.ocspUp = true;
    }
  });
});

describe('sigillo extend --level LTA on a signed PDF (DSS + document timestamp)', () => {
  it('adds the DSS then an ETSI.RFC3161 document timestamp over everything; both verify', async () => {
    const d = join(ltv.dir, `lta-${n++}`);
    mkdirSync(d);
    const signed = join(d, 'contratto-signed.pdf');
    await signPades({
      input: writeHandwritten(join(d, 'contratto.pdf')),
      output: signed,
      overwrite: false,
      digest: 'sha256',
      signer: new SoftwareSigner({ keyPem: ltv.signer.keyPem, certPem: ltv.signer.certPem }),
    });
    const before = readFileSync(signed);
    ltv.ca.crlUp = true;
    const r = await runCli(
      ['extend', '--json', '--level', 'LTA', '--tsa', ltv.tsa.url, '--overwrite', signed],
      ltv.env(),
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout)[0].added).toEqual(['DSS', 'document timestamp']);
    const after = readFileSync(signed);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString('latin1')).toMatch(/\/Type \/DocTimeStamp/);
    expect(after.subarray(before.length).toString('latin1')).toMatch(/\/SubFilter \/ETSI\.RFC3161/);
    expect(qpdfCheck(signed).ok).toBe(true);
    const v = await runCli(
      ['verify', '--json', '--offline', '--no-tsl', '--trust', ltv.trust, signed],
      ltv.env(),
    );
    const sigs = JSON.parse(v.stdout)[0].signatures;
    expect(sigs).toHaveLength(2);
    expect(sigs[0]).toMatchObject({ integrity: 'valid', indication: 'TOTAL_PASSED' });
    expect(sigs[1]).toMatchObject({ integrity: 'valid', documentTimestamp: true, subFilter: 'ETSI.RFC3161' });
  });
});

describe('signing a PDF at level LTA (what sign --level LTA does after signing)', () => {
  it('B-T signature, then DSS and document timestamp in place: offline TOTAL_PASSED with its timestamp', async () => {
    const d = join(ltv.dir, `sign-lta-${n++}`);
    mkdirSync(d);
    const out = join(d, 'delibera-signed.pdf');
    await signPades({
      input: writeHandwritten(join(d, 'delibera.pdf')),
      output: out,
      overwrite: false,
      digest: 'sha256',
      signer: new SoftwareSigner({ keyPem: ltv.signer.keyPem, certPem: ltv.signer.certPem }),
      finishSignerInfo: signatureTimestamper({ url: ltv.tsa.url }),
    });
    ltv.ca.crlUp = true;
    await raisePdfInPlace(out, 'LTA', { url: ltv.tsa.url });
    expect(qpdfCheck(out).ok).toBe(true);
    expect(readdirSync(d).sort()).toEqual(['delibera-signed.pdf', 'delibera.pdf']);
    ltv.ca.crlUp = false;
    try {
      const v = await runCli(
        ['verify', '--json', '--offline', '--no-tsl', '--trust', ltv.trust, out],
        ltv.env(),
      );
      const sigs = JSON.parse(v.stdout)[0].signatures;
      expect(sigs[0]).toMatchObject({ indication: 'TOTAL_PASSED', hasTimestamp: true });
      expect(sigs[0].timestamps[0].integrity).toBe('valid');
      expect(sigs[1]).toMatchObject({ documentTimestamp: true, integrity: 'valid' });
    } finally {
      ltv.ca.crlUp = true;
    }
  });
});
