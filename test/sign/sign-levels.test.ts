/**
 * The levels of the core's signing policy (sign-batch.ts) against the loopback TSA and a loopback CA whose CRL is
 * served over HTTP, with a software key from that CA: B, T, LT and LTA for a p7m and a PDF in one batch, a
 * detached .p7s (openssl cms -verify -content accepts it; `sigillo verify` passes the pair, fails an altered
 * content, says SIGNED_DATA_NOT_FOUND without it) and a timestamped counter-signature. Checked with `sigillo
 * verify --json` (offline once the CA is down, for LT/LTA) and openssl.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { signBatch } from '../../electron/core/sign/sign-batch';
import type { SignLevel, SignPolicy } from '../../electron/core/sign/sign-policy';
import { cmsPrint, opensslVerify } from '../cms/helpers';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { qpdfCheck } from '../pdf/support/nss';
import { runCli } from '../support/cli';
import { opensslP7m, useTsaAndCa } from '../timestamp/support/ltv-fixture';

const ltv = useTsaAndCa('sigillo-levels-', 'levels-signer');
let n = 0;
const fresh = (): string => {
  const d = join(ltv.dir, `t${n++}`);
  mkdirSync(d);
  return d;
};
const open = async () => ({
  signer: new SoftwareSigner({ keyPem: ltv.signer.keyPem, certPem: ltv.signer.certPem }),
  close: () => undefined,
});
const policy = (p: Partial<SignPolicy>): SignPolicy => ({
  format: 'auto',
  digest: 'sha256',
  overwrite: false,
  nest: false,
  level: 'B',
  tsa: { url: ltv.tsa.url },
  ...p,
});

interface Sig {
  indication: string;
  subIndication: string | null;
  hasTimestamp: boolean;
  timestamps?: { type?: string; integrity: string; indication?: string; imprintMatches?: boolean }[];
  revocation: { status: string; source: string } | null;
  documentTimestamp?: boolean;
  contentMissing?: true;
  counterSignatures: Sig[];
}
/** `sigillo verify --json` of one file: its report (signatures, format, error) */
async function verify(file: string, opts: { offline?: boolean; content?: string } = {}) {
  const args = ['verify', '--json', '--no-tsl', '--trust', ltv.trust];
  if (opts.offline) args.push('--offline');
  if (opts.content) args.push('--content', opts.content);
  const r = await runCli([...args, file], ltv.env());
  return JSON.parse(r.stdout)[0] as { format: string; signatures: Sig[]; error: { code: string } | null };
}
/** verifies with the CA's CRL service down, offline: only what the file carries counts */
async function verifyOffline(file: string, content?: string) {
  ltv.ca.crlUp = false;
  try {
    return await verify(file, { offline: true, content });
  } finally {
    ltv.ca.crlUp = true;
  }
}

function unsignedOids(file: string): string[] {
  const b = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file], {
    encoding: 'utf8',
  });
  const tail = b.slice(b.indexOf('unsignedAttrs'));
  return [...tail.matchAll(/object: [^(]*\(([\d.]+)\)/g)].map((m) => m[1] as string);
}

const OID_SIG_TS = '1.2.840.113549.1.9.16.2.14';
const OID_CERT_VALUES = '1.2.840.113549.1.9.16.2.23';
const OID_REV_VALUES = '1.2.840.113549.1.9.16.2.24';

async function signLevel(level: SignLevel) {
  const d = fresh();
  const txt = join(d, 'verbale.txt');
  writeFileSync(txt, `Verbale a livello ${level}.\n`);
  const pdf = writeHandwritten(join(d, 'delibera.pdf'));
  const results = await signBatch([txt, pdf], policy({ level }), open);
  expect(results.map((r) => r.error ?? null)).toEqual([null, null]);
  const [p7m, signedPdf] = results.map((r) => r.output as string) as [string, string];
  expect(opensslVerify(p7m, ltv.ca.rootPem).ok).toBe(true);
  expect(qpdfCheck(signedPdf).ok).toBe(true);
  expect(readdirSync(d).sort()).toEqual(
    ['delibera-signed.pdf', 'delibera.pdf', 'verbale.txt', 'verbale.txt.p7m'].sort(),
  );
  return { p7m, signedPdf };
}

describe('signing levels through the core policy', () => {
  it('B: no timestamp; valid online, not provable offline', async () => {
    const { p7m, signedPdf } = await signLevel('B');
    for (const f of [p7m, signedPdf]) {
      const [s] = (await verify(f)).signatures;
      expect(s).toMatchObject({ indication: 'TOTAL_PASSED', hasTimestamp: false });
      expect((await verifyOffline(f)).signatures[0]!.indication).not.toBe('TOTAL_PASSED');
    }
  });

  it('T: a valid signature timestamp on the p7m and in the PDF signature', async () => {
    const { p7m, signedPdf } = await signLevel('T');
    expect(unsignedOids(p7m)).toEqual([OID_SIG_TS]);
    for (const f of [p7m, signedPdf]) {
      const [s] = (await verify(f)).signatures;
      expect(s).toMatchObject({ indication: 'TOTAL_PASSED', hasTimestamp: true });
      expect(s!.timestamps).toEqual([expect.objectContaining({ type: 'signature', integrity: 'valid' })]);
    }
  });

  it('LT: certificates and CRLs inside (p7m attributes, PDF DSS): TOTAL_PASSED offline with the CA down', async () => {
    const { p7m, signedPdf } = await signLevel('LT');
    expect(unsignedOids(p7m)).toEqual([OID_SIG_TS, OID_CERT_VALUES, OID_REV_VALUES]);
    for (const f of [p7m, signedPdf]) {
      const [s] = (await verifyOffline(f)).signatures;
      expect(s).toMatchObject({ indication: 'TOTAL_PASSED', hasTimestamp: true });
      expect(s!.revocation).toMatchObject({ status: 'good' });
    }
  });

  it('LTA: an archive timestamp on the p7m (passes offline), a document timestamp on the PDF (its TSA has no revocation data)', async () => {
    const { p7m, signedPdf } = await signLevel('LTA');
    const cades = (await verifyOffline(p7m)).signatures;
    expect(cades[0]).toMatchObject({ indication: 'TOTAL_PASSED' });
    expect(cades[0]!.timestamps!.map((t) => t.type)).toEqual(['signature', 'archive']);
    expect(cades[0]!.timestamps!.every((t) => t.integrity === 'valid')).toBe(true);
    const pades = (await verifyOffline(signedPdf)).signatures;
    expect(pades[0]).toMatchObject({ indication: 'TOTAL_PASSED', hasTimestamp: true });
    // the test TSA publishes no revocation data for its certificate: the document timestamp, a signature of its
    // own, cannot be shown unrevoked (it passed until a CRL checked for another issuer was wrongly reused for it)
    expect(pades[1]).toMatchObject({
      documentTimestamp: true,
      integrity: 'valid',
      indication: 'INDETERMINATE',
      subIndication: 'TRY_LATER',
    });
    expect(pades[1]!.revocation?.status).toBe('unknown');
  });

  it('detached .p7s: no content inside, signingCertificateV2; openssl and verify accept the pair only', async () => {
    const d = fresh();
    const doc = join(d, 'contratto.txt');
    writeFileSync(doc, 'Contratto firmato a parte.\n');
    const [r] = await signBatch([doc], policy({ detached: true, level: 'B' }), open);
    expect(r).toMatchObject({ output: `${doc}.p7s`, format: 'cades' });
    expect(r!.error).toBeUndefined();
    const p7s = r!.output as string;
    const printed = cmsPrint(p7s);
    expect(printed).toMatch(/eContent: <ABSENT>/);
    expect(printed).toMatch(/signingCertificateV2/);
    expect(printed).toMatch(/algorithm: sha256/);
    expect(opensslVerify(p7s, ltv.ca.rootPem).ok).toBe(false); // no content: openssl needs it
    expect(opensslVerify(p7s, ltv.ca.rootPem, { content: doc }).ok).toBe(true);
    // the content is found beside the signature
    const pair = await verify(p7s);
    expect(pair.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED' });
    // another content (a byte changed)
    const altered = join(d, 'altro.txt');
    writeFileSync(altered, 'Contratto firmato a parte!\n');
    expect(opensslVerify(p7s, ltv.ca.rootPem, { content: altered }).ok).toBe(false);
    const bad = await verify(p7s, { content: altered });
    expect(bad.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED' });
    // alone in another folder: the signed data is missing, and it says so (never a pass)
    const alone = join(fresh(), 'contratto.txt.p7s');
    copyFileSync(p7s, alone);
    const unpaired = await verify(alone);
    expect(unpaired.error).toBeNull();
    expect(unpaired.signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
      contentMissing: true,
    });
  });

  it('detached at LT: timestamp and validation data inside the .p7s; the pair passes offline', async () => {
    const d = fresh();
    const doc = join(d, 'allegato.bin');
    writeFileSync(doc, Buffer.from('allegato binario \x00\x01\x02'));
    const [r] = await signBatch([doc], policy({ detached: true, level: 'LT' }), open);
    expect(r!.error).toBeUndefined();
    expect(unsignedOids(r!.output as string)).toEqual([OID_SIG_TS, OID_CERT_VALUES, OID_REV_VALUES]);
    expect((await verifyOffline(r!.output as string)).signatures[0]).toMatchObject({
      indication: 'TOTAL_PASSED',
    });
    // alone: everything but the content is still checked — the timestamp, the embedded revocation values
    const alone = join(fresh(), 'allegato.bin.p7s');
    copyFileSync(r!.output as string, alone);
    const lone = (await verifyOffline(alone)).signatures[0];
    expect(lone).toMatchObject({ subIndication: 'SIGNED_DATA_NOT_FOUND', contentMissing: true });
    const pairTs = (await verifyOffline(r!.output as string)).signatures[0]?.timestamps?.[0];
    expect(lone?.timestamps?.[0]).toMatchObject({ imprintMatches: true, integrity: 'valid' });
    expect(lone?.timestamps?.[0]?.indication).toBe(pairTs?.indication); // the TSA judged as with the pair
    expect(lone?.revocation?.status).toBe('good');
  });

  it('counter-signing at T: the counter-signature carries its own valid timestamp', async () => {
    const d = fresh();
    const doc = join(d, 'atto.txt');
    writeFileSync(doc, 'Atto da controfirmare.\n');
    const p7m = opensslP7m(doc, ltv.signer);
    const out = fresh();
    const [r] = await signBatch(
      [p7m],
      policy({ countersign: { signerIndex: 1 }, level: 'T', outputDir: out }),
      open,
    );
    expect(r!.error).toBeUndefined();
    expect(opensslVerify(r!.output as string, ltv.ca.rootPem).ok).toBe(true);
    const [s] = (await verify(r!.output as string)).signatures;
    expect(s!.counterSignatures).toHaveLength(1);
    expect(s!.counterSignatures[0]).toMatchObject({ hasTimestamp: true, indication: 'TOTAL_PASSED' });
  });
});
