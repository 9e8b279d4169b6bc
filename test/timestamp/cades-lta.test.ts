/**
 * CAdES-LTA: `sigillo extend --level LTA` on an openssl p7m (B → T → LT → archive-time-stamp-v3), with the
 * loopback TSA and a loopback CA. The archive timestamp's imprint is recomputed here independently from the
 * ASN.1 structure (asn1js + node:crypto) and the token checked with `openssl ts -verify -digest`; the file stays
 * openssl-valid; offline verification reports the archive timestamp valid, and a changed byte in the covered
 * revocation values makes it fail.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { opensslVerify } from '../cms/helpers';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { raiseCadesToLtaInPlace } from '../../electron/core/sign/cades-levels';
import { ltFinisher } from '../../electron/core/sign/cades-lt';
import { signCades } from '../../electron/core/sign/cades';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { addArchiveTimestamp } from '../../electron/core/sign/cades-lta';
import { rewriteSignedData } from '../../electron/core/sign/rewrite-signed-data';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { runCli } from '../support/cli';
import type { IssuedCert } from '../support/pki';
import { opensslP7m, useTsaAndCa } from './support/ltv-fixture';

const ARCHIVE_V3 = '0.4.0.1733.2.4';
const ATS_HASH_INDEX_V3 = '0.4.0.19122.1.5';
const REVOCATION_VALUES = '1.2.840.113549.1.9.16.2.24';

const ltv = useTsaAndCa('sigillo-lta-', 'lta-signer');
let n = 0;

function p7m(by: IssuedCert = ltv.signer): string {
  const doc = join(ltv.dir, `atto-${n++}.txt`);
  writeFileSync(doc, `Atto da conservare a lungo ${n}.\n`);
  return opensslP7m(doc, by);
}

// ---- independent ASN.1 walk (asn1js) ----
type Block = asn1js.AsnType & { valueBeforeDecodeView: Uint8Array };
const raw = (b: asn1js.AsnType) => Buffer.from((b as Block).valueBeforeDecodeView);
const kids = (b: asn1js.AsnType) => (b as asn1js.Constructed).valueBlock.value;
const oidOf = (b: asn1js.AsnType) => (b as asn1js.ObjectIdentifier).valueBlock.toString();
const isCtx = (b: asn1js.AsnType, n: number) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === n;
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

function parse(bytes: Uint8Array): asn1js.AsnType {
  const r = asn1js.fromBER(Uint8Array.from(bytes).buffer);
  if (r.offset === -1) throw new Error(r.result.error);
  return r.result;
}

/** ContentInfo → SignedData parts (shared by the file and the token) */
function signedData(ci: asn1js.AsnType) {
  const sd = kids(kids(ci)[1]!)[0]!;
  const parts = kids(sd);
  const encap = parts[2]!;
  const infos = kids(parts[parts.length - 1]!);
  return {
    eContentType: kids(encap)[0]!,
    eContent: kids(encap)[1] ? kids(kids(encap)[1]!)[0] : undefined,
    certificates: parts.filter((p) => isCtx(p, 0)).flatMap(kids),
    crls: parts.filter((p) => isCtx(p, 1)).flatMap(kids),
    signerInfo: infos[0]!,
  };
}

function unsignedAttrs(si: asn1js.AsnType) {
  const set = kids(si).find((p) => isCtx(p, 1));
  return (set ? kids(set) : []).map((a) => ({ type: kids(a)[0]!, values: kids(kids(a)[1]!) }));
}

/** What the last archive timestamp must cover, rebuilt from the file. */
function recompute(file: string) {
  const sd = signedData(parse(readFileSync(file)));
  const attrs = unsignedAttrs(sd.signerInfo);
  const archive = attrs[attrs.length - 1]!;
  expect(oidOf(archive.type)).toBe(ARCHIVE_V3);
  const tokenDer = raw(archive.values[0]!);
  const tokenSi = signedData(parse(tokenDer)).signerInfo;
  const indexAttr = unsignedAttrs(tokenSi).find((a) => oidOf(a.type) === ATS_HASH_INDEX_V3)!;
  const indexDer = raw(indexAttr.values[0]!);
  const [alg, certs, crls, values] = kids(parse(indexDer));
  const hashes = (b: asn1js.AsnType) =>
    kids(b).map((o) => Buffer.from((o as asn1js.OctetString).valueBlock.valueHexView).toString('hex'));
  const covered = attrs.slice(0, -1).flatMap((a) => a.values.map((v) => sha256(raw(a.type), raw(v))));
  expect(oidOf(kids(alg!)[0]!)).toBe('2.16.840.1.101.3.4.2.1');
  expect(hashes(certs!)).toEqual(sd.certificates.map((c) => sha256(raw(c)).toString('hex')));
  expect(hashes(crls!)).toEqual(sd.crls.map((c) => sha256(raw(c)).toString('hex')));
  expect(hashes(values!)).toEqual(covered.map((h) => h.toString('hex')));
  const content = Buffer.from((sd.eContent as asn1js.OctetString).valueBlock.valueHexView);
  const fields = kids(sd.signerInfo)
    .filter((p) => !isCtx(p, 1))
    .map(raw);
  const imprint = sha256(raw(sd.eContentType), sha256(content), ...fields, indexDer);
  return { tokenDer, imprint, attrs };
}

async function verifyOffline(file: string) {
  ltv.ca.crlUp = false;
  ltv.ca.ocspUp = false;
  try {
    const v = await runCli(
      ['verify', '--json', '--offline', '--no-tsl', '--trust', ltv.trust, file],
      ltv.env(),
    );
    return JSON.parse(v.stdout)[0].signatures[0];
  } finally {
    ltv.ca.crlUp = true;
    ltv.ca.ocspUp = true;
  }
}

describe('sigillo extend --level LTA on a p7m (CAdES-LTA, archive-time-stamp-v3)', () => {
  let file: string;

  beforeAll(async () => {
    file = p7m();
    const r = await runCli(
      ['extend', '--json', '--level', 'LTA', '--tsa', ltv.tsa.url, '--overwrite', file],
      ltv.env(),
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ output: file, added: ['1: T', '1: LT', '1: LTA'] });
  });

  it('the token verifies with openssl ts -verify against the imprint recomputed independently', () => {
    const { tokenDer, imprint, attrs } = recompute(file);
    expect(attrs.map((a) => oidOf(a.type))).toEqual([
      '1.2.840.113549.1.9.16.2.14',
      '1.2.840.113549.1.9.16.2.23',
      REVOCATION_VALUES,
      ARCHIVE_V3,
    ]);
    const tok = join(ltv.dir, `token-${n++}.der`);
    writeFileSync(tok, tokenDer);
    const args = ['ts', '-verify', '-token_in', '-in', tok, '-CAfile', ltv.pki.rootPem];
    const ok = spawnSync('openssl', [...args, '-digest', imprint.toString('hex')], { encoding: 'utf8' });
    expect(ok.stdout + ok.stderr).toMatch(/Verification: OK/);
    const wrong = Buffer.from(imprint);
    wrong[0] = (wrong[0] ?? 0) ^ 1;
    const bad = spawnSync('openssl', [...args, '-digest', wrong.toString('hex')], { encoding: 'utf8' });
    expect(bad.stdout + bad.stderr).not.toMatch(/Verification: OK/);
  });

  it('openssl cms -verify still passes; offline verification reports the archive timestamp valid', async () => {
    expect(opensslVerify(file, ltv.ca.rootPem).ok).toBe(true);
    const s = await verifyOffline(file);
    expect(s).toMatchObject({ integrity: 'valid', indication: 'TOTAL_PASSED' });
    expect(s.timestamps.map((x: { type: string }) => x.type)).toEqual(['signature', 'archive']);
    expect(s.timestamps[1]).toMatchObject({ type: 'archive', integrity: 'valid', imprintMatches: true });
    // offline, the TSA certificate's revocation is unknown for both tokens (TRY_LATER): still a proof of existence
    expect(s.timestamps[1].indication).not.toBe('TOTAL_FAILED');
    expect([s.timestamps[1].indication, s.timestamps[1].subIndication]).toEqual([
      s.timestamps[0].indication,
      s.timestamps[0].subIndication,
    ]);
    const again = await runCli(
      ['extend', '--json', '--level', 'LTA', '--tsa', ltv.tsa.url, '--overwrite', file],
      ltv.env(),
    );
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ output: null, added: [] });
  });

  it('a byte changed in the covered revocation values makes the archive timestamp fail', async () => {
    const bytes = readFileSync(file);
    const rv = recompute(file).attrs.find((a) => oidOf(a.type) === REVOCATION_VALUES)!;
    const rvRaw = raw(rv.values[0]!);
    const at = bytes.indexOf(rvRaw);
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(bytes);
    const last = at + rvRaw.length - 1; // inside the CRL's signature value
    tampered[last] = (tampered[last] ?? 0) ^ 0x55;
    const copy = join(ltv.dir, `tampered-${n++}.p7m`);
    writeFileSync(copy, tampered);
    expect(opensslVerify(copy, ltv.ca.rootPem).ok).toBe(true);
    const s = await verifyOffline(copy);
    const archive = s.timestamps.find((x: { type: string }) => x.type === 'archive');
    expect(archive).toMatchObject({
      integrity: 'invalid',
      imprintMatches: false,
      indication: 'TOTAL_FAILED',
    });
    expect(s.timestamps.find((x: { type: string }) => x.type === 'signature').integrity).toBe('valid');
  });

  it('clear errors: no TSA for LTA, a detached p7s', async () => {
    const plain = p7m();
    const noTsa = await runCli(['extend', '--json', '--level', 'LTA', '--overwrite', plain], ltv.env());
    expect(noTsa.code).toBe(1);
    expect(JSON.parse(noTsa.stdout)[0].error.code).toBe('TSA_URL_MISSING');
    const doc = join(ltv.dir, `det-${n++}.txt`);
    writeFileSync(doc, 'staccato\n');
    execFileSync(
      'openssl',
      ['cms', '-sign', '-binary', '-outform', 'DER', '-in', doc, '-out', `${doc}.p7s`].concat([
        '-signer',
        ltv.signer.certPem,
        '-inkey',
        ltv.signer.keyPem,
      ]),
    );
    const det = await runCli(
      ['extend', '--json', '--level', 'LTA', '--tsa', ltv.tsa.url, '--overwrite', `${doc}.p7s`],
      ltv.env(),
    );
    expect(det.code).toBe(1);
    expect(JSON.parse(det.stdout)[0].error.code).toBe('LTA_CONTENT_UNAVAILABLE');
  });
});

describe('signing a p7m at level LTA (what sign --level LTA does: LT finisher, then the archive timestamp)', () => {
  it('a new parallel signature gets LT + archive timestamp; the existing one is left as it was', async () => {
    const first = p7m();
    const soft = new SoftwareSigner({ keyPem: ltv.signer.keyPem, certPem: ltv.signer.certPem });
    const outputDir = join(ltv.dir, `parallel-${n++}`);
    mkdirSync(outputDir);
    const r = await signCades({
      input: first,
      outputDir,
      overwrite: false,
      digest: 'sha256',
      signer: soft,
      nest: false,
      finishSignerInfo: ltFinisher({ url: ltv.tsa.url }),
    });
    await raiseCadesToLtaInPlace(r.output, { url: ltv.tsa.url });
    expect(opensslVerify(r.output, ltv.ca.rootPem).ok).toBe(true);
    const sd = signedData(parse(readFileSync(r.output)));
    const infos = kids(kids(kids(kids(parse(readFileSync(r.output)))[1]!)[0]!).at(-1)!);
    expect(infos).toHaveLength(2);
    expect(unsignedAttrs(infos[0]!)).toHaveLength(0);
    expect(unsignedAttrs(infos[1]!).map((a) => oidOf(a.type))).toEqual([
      '1.2.840.113549.1.9.16.2.14',
      '1.2.840.113549.1.9.16.2.23',
      REVOCATION_VALUES,
      ARCHIVE_V3,
    ]);
    expect(sd.certificates.length).toBeGreaterThan(0);
    const v = await runCli(
      ['verify', '--json', '--offline', '--no-tsl', '--trust', ltv.trust, r.output],
      ltv.env(),
    );
    const [, second] = JSON.parse(v.stdout)[0].signatures;
    expect(second.timestamps[1]).toMatchObject({ type: 'archive', integrity: 'valid', imprintMatches: true });
  });
});

describe('the archive timestamp as proof of existence', () => {
  it('signer revoked after the archive timestamp: REVOKED_NO_POE without it, not with it', async () => {
    const revoked = ltv.ca.issue(`lta-revoked-${n}`);
    const plain = p7m(revoked);
    const summary = await readSignedData(plain, { hashDeclared: false, digests: ['sha256'] });
    const archived = { ...summary, contentDigest: (h: string) => summary.contentDigests[h] };
    const si = await addArchiveTimestamp(summary.signerInfos[0]!, archived, { url: ltv.tsa.url });
    const stamped = join(ltv.dir, `archive-only-${n++}.p7m`);
    await rewriteSignedData(plain, stamped, false, summary, { signerInfos: [si] });
    await new Promise((r) => setTimeout(r, 1100)); // revocation strictly after the genTime (1 s precision)
    ltv.ca.revoke(revoked);
    ltv.ca.publishCrl();
    const trustStore = new TrustStore([
      ...(await readTrustFile(ltv.pki.rootPem)),
      ...(await readTrustFile(ltv.ca.rootPem)),
    ]);
    const opts = {
      trust: trustStore,
      revocation: createRevocationChecker({ offline: false, cacheDir: null }),
    };
    const [without] = (await verifyFile(plain, opts)).signatures;
    expect(without?.subIndication).toBe('REVOKED_NO_POE');
    const [withArchive] = (await verifyFile(stamped, opts)).signatures;
    expect(withArchive?.timestamps?.map((x) => [x.type, x.integrity])).toEqual([['archive', 'valid']]);
    expect(withArchive?.revocation?.status).toBe('revoked');
    expect(String(withArchive?.subIndication)).not.toMatch(/REVOKED/);
    expect(withArchive?.indication).not.toBe('TOTAL_FAILED');
    expect(withArchive?.integrity).toBe('valid');
  });
});
