/**
 * CAdES-T: a signature timestamp in the SignerInfo (sign with finishSignerInfo), checked with openssl (cms -verify
 * still passes; the token verifies with ts -verify over the signature value), shown by verification, and used as
 * proof of existence: a signature timestamped before its certificate was revoked or expired still passes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { signatureTimestamper } from '../../electron/core/sign/cades-t';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { signCades } from '../../electron/core/sign/cades';
import { timestampFile } from '../../electron/core/timestamp/timestamp-file';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { FileReportSchema } from '../../shared/schemas/verify';
import { opensslVerify, softwareSigner } from '../cms/helpers';
import { startLoopbackCa, type LoopbackCa } from '../revocation/support/loopback-ca';
import { makeTsaPki, startTsaServer, type TestTsa, type TsaPki } from '../support/tsa-server';

const fx = inject('fixture');
let dir: string;
let pki: TsaPki;
let tsa: TestTsa;
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sigillo-cades-t-'));
  pki = makeTsaPki(join(dir, 'tsa'));
  tsa = await startTsaServer({ pki });
  trust = new TrustStore([...(await readTrustFile(pki.rootPem)), ...(await readTrustFile(fx.pki.rootPem))]);
});
afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sign(name: string, signer: SoftwareSigner, timestamp: boolean): Promise<string> {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  const input = join(d, 'doc.txt');
  writeFileSync(input, `documento ${name}\n`);
  const r = await signCades({
    input,
    overwrite: false,
    digest: 'sha256',
    signer,
    nest: false,
    ...(timestamp ? { finishSignerInfo: signatureTimestamper({ url: tsa.url }) } : {}),
  });
  return r.output;
}

/** signature value and signature-time-stamp token of the first SignerInfo, parsed with asn1js */
function signatureAndToken(p7m: string): { signature: Buffer; token: Buffer; unsignedOid: string } {
  const b = readFileSync(p7m);
  const ci = asn1js.fromBER(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)).result as asn1js.Sequence;
  const sd = (ci.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const infos = sd.valueBlock.value[sd.valueBlock.value.length - 1] as asn1js.Set;
  const si = (infos.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
  const signature = si.find((e) => e instanceof asn1js.OctetString) as asn1js.OctetString;
  const unsigned = si[si.length - 1] as asn1js.Constructed;
  expect(unsigned.idBlock.tagNumber).toBe(1);
  const attr = unsigned.valueBlock.value[0] as asn1js.Sequence;
  const oid = (attr.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const token = (attr.valueBlock.value[1] as asn1js.Set).valueBlock.value[0]!;
  return {
    signature: Buffer.from(signature.valueBlock.valueHexView),
    token: Buffer.from(token.toBER()),
    unsignedOid: oid,
  };
}

describe('CAdES-T', () => {
  it('adds id-aa-signatureTimeStampToken over the signature value; openssl accepts the p7m and the token', async () => {
    const p7m = await sign('t', softwareSigner(fx.pki), true);
    expect(opensslVerify(p7m, fx.pki.chainPem).ok).toBe(true);
    const { signature, token, unsignedOid } = signatureAndToken(p7m);
    expect(unsignedOid).toBe('1.2.840.113549.1.9.16.2.14');
    writeFileSync(join(dir, 'sigvalue.bin'), signature);
    writeFileSync(join(dir, 'token.der'), token);
    const out = execFileSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        join(dir, 'token.der'),
        '-data',
        join(dir, 'sigvalue.bin'),
      ].concat(['-CAfile', pki.rootPem, '-untrusted', pki.tsaCertPem]),
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/Verification: OK/);

    const report = await verifyFile(p7m, { trust });
    const [s] = report.signatures;
    expect(s?.hasTimestamp).toBe(true);
    expect(s?.integrity).toBe('valid');
    expect(s?.timestamps).toHaveLength(1);
    expect(s?.timestamps?.[0]).toMatchObject({ integrity: 'valid', imprintMatches: true });
    expect(Math.abs(Date.parse(s!.timestamps![0]!.genTime) - Date.now())).toBeLessThan(120_000);
    expect(FileReportSchema.parse(JSON.parse(JSON.stringify(report))).signatures[0]?.timestamps).toHaveLength(
      1,
    );
    expect(s?.messages.join('\n')).toMatch(/(Timestamp of|Marca temporale del) .*: valid/);
  });

  it('a timestamp over another value does not count: integrity invalid, no proof of existence', async () => {
    const p7m = await sign('t-bad', softwareSigner(fx.pki), true);
    const bytes = readFileSync(p7m);
    const { signature } = signatureAndToken(p7m);
    // change the signature value: the signature breaks and the timestamp no longer covers it
    const at = bytes.indexOf(signature);
    bytes[at + 10] = (bytes[at + 10] as number) ^ 0xff;
    writeFileSync(p7m, bytes);
    const [s] = (await verifyFile(p7m, { trust })).signatures;
    expect(s?.indication).toBe('TOTAL_FAILED');
    expect(s?.timestamps?.[0]).toMatchObject({ integrity: 'invalid', imprintMatches: false });
  });

  it('signed and timestamped before the certificate expired: no OUT_OF_BOUNDS_NO_POE after expiry', async () => {
    const signer = softwareSigner(fx.pki, fx.pki.expiringSignature);
    const withTs = await sign('exp-t', signer, true);
    const without = await sign('exp-b', signer, false);
    const later = new Date(Date.now() + 40 * 24 * 3600e3);
    const [b] = (await verifyFile(without, { trust, now: later })).signatures;
    const [t] = (await verifyFile(withTs, { trust, now: later })).signatures;
    expect(b?.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    expect(t?.subIndication).not.toBe('OUT_OF_BOUNDS_NO_POE');
    // revocation is not checked here, so the best it can be is TRY_LATER
    expect(t?.subIndication).toBe('TRY_LATER');
  });
});

describe('a .m7m timestamp as proof of existence of the p7m signatures', () => {
  it('the p7m alone is OUT_OF_BOUNDS_NO_POE after expiry; inside a .m7m stamped before expiry it is not', async () => {
    const p7m = await sign('m7m-poe', softwareSigner(fx.pki, fx.pki.expiringSignature), false);
    const m7m = await timestampFile({ input: p7m, format: 'm7m', overwrite: false, tsa: { url: tsa.url } });
    const later = new Date(Date.now() + 40 * 24 * 3600e3);
    const [alone] = (await verifyFile(p7m, { trust, now: later })).signatures;
    const inM7m = await verifyFile(m7m.output, { trust, now: later });
    expect(alone?.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    expect(inM7m.timestamps?.[0]?.integrity).toBe('valid');
    expect(inM7m.signatures[0]?.integrity).toBe('valid');
    expect(inM7m.signatures[0]?.subIndication).toBe('TRY_LATER');
    // the IPC contract keeps the timestamps for the app
    const viaIpc = FileReportSchema.parse(JSON.parse(JSON.stringify(inM7m)));
    expect(viaIpc.timestamps?.[0]?.genTime).toBe(inM7m.timestamps?.[0]?.genTime);
  });
});

describe('CAdES-T and revocation (loopback OCSP/CRL)', () => {
  let ca: LoopbackCa;
  beforeAll(async () => {
    ca = await startLoopbackCa(join(dir, 'loop-ca'));
  });
  afterAll(async () => {
    await ca?.close();
  });

  it('revoked after the timestamp: TOTAL_PASSED with the timestamp, REVOKED_NO_POE without', async () => {
    const cert = ca.issue('poe-signer');
    const signer = new SoftwareSigner({ keyPem: cert.keyPem, certPem: cert.certPem });
    const withTs = await sign('rev-t', signer, true);
    const without = await sign('rev-b', signer, false);
    await new Promise((r) => setTimeout(r, 2100));
    ca.revoke(cert);
    ca.publishCrl();
    const loopTrust = new TrustStore([
      ...(await readTrustFile(pki.rootPem)),
      ...(await readTrustFile(ca.rootPem)),
    ]);
    const revocation = createRevocationChecker({ offline: false, cacheDir: null });
    const [b] = (await verifyFile(without, { trust: loopTrust, revocation })).signatures;
    const [t] = (await verifyFile(withTs, { trust: loopTrust, revocation })).signatures;
    expect(b?.revocation?.status).toBe('revoked');
    expect(b).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    expect(t?.revocation?.status).toBe('revoked');
    expect(t?.timestamps?.[0]?.integrity).toBe('valid');
    expect(t).toMatchObject({ indication: 'TOTAL_PASSED', subIndication: null });
  });
});
