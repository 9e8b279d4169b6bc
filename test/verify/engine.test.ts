import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign, opensslIntegrityOk } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let input = '';
let trust: TrustStore;
const noTrust = new TrustStore([]);

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'engine-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'Fattura n. 1 — totale € 100\n'.repeat(50));
  trust = new TrustStore(await readTrustFile(fx.pki.rootPem));
});

function sign(
  name: string,
  o: Partial<Parameters<typeof opensslCmsSign>[0]> = {},
): { file: string; der: Uint8Array } {
  const file = join(dir, name);
  const der = opensslCmsSign({ input, out: file, signer: fx.pki.signature, certfile: fx.pki.caPem, ...o });
  return { file, der };
}

async function verifyDer(der: Uint8Array, t = trust, content?: Uint8Array) {
  return verifyCmsSignatures(cmsPartsInMemory(der, content), { trust: t });
}

describe('per-signature engine (openssl-made signatures)', () => {
  it('RSA SHA-256 attached: intact, signer read, chain found, revocation not checked → TRY_LATER', async () => {
    const { file, der } = sign('rsa.p7m');
    expect(opensslIntegrityOk(file)).toBe(true);
    const [s, ...rest] = await verifyDer(der);
    expect(rest).toHaveLength(0);
    expect(s?.integrity).toBe('valid');
    expect(s?.signer.fiscalCode).toBe('RSSMRA80A01H501U');
    expect(s?.signer.surname).toBe('ROSSI');
    expect(s?.digestAlgorithm).toBe('SHA-256');
    expect(s?.signatureAlgorithm).toBe('RSA SHA-256');
    expect(s?.chain.map((c) => c.trustAnchor)).toEqual([false, false, true]);
    expect(s?.qualified).toBe(true);
    expect(s?.signingTime).not.toBeNull();
    expect(s?.indication).toBe('INDETERMINATE');
    expect(s?.subIndication).toBe('TRY_LATER');
    expect(s?.cadesForm).toBe('CMS');
  });

  it('-cades adds signingCertificateV2 → CAdES-BES', async () => {
    const [s] = await verifyDer(sign('cades.p7m', { flags: ['-nodetach', '-cades'] }).der);
    expect(s?.cadesForm).toBe('CAdES-BES');
    expect(s?.integrity).toBe('valid');
  });

  it('without trust anchors the signer is unknown: NO_CERTIFICATE_CHAIN_FOUND, integrity still valid', async () => {
    const [s] = await verifyDer(sign('rsa2.p7m').der, noTrust);
    expect(s?.integrity).toBe('valid');
    expect(s?.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(s?.qualified).toBe(false);
    expect(s?.messages.join(' ')).toMatch(/QcCompliance/);
  });

  it('tampered content → HASH_FAILURE, as openssl says', async () => {
    const { file, der } = sign('tamper.p7m');
    const buf = Buffer.from(der);
    const at = buf.indexOf(Buffer.from('totale'));
    buf[at] = 'T'.charCodeAt(0);
    writeFileSync(file, buf);
    expect(opensslIntegrityOk(file)).toBe(false);
    const [s] = await verifyDer(buf);
    expect(s?.integrity).toBe('invalid');
    expect(s?.indication).toBe('TOTAL_FAILED');
    expect(s?.subIndication).toBe('HASH_FAILURE');
  });

  it('a changed signature value → SIG_CRYPTO_FAILURE, as openssl says', async () => {
    const { file, der } = sign('badsig.p7m', { flags: ['-nodetach', '-noattr'] });
    const buf = Buffer.from(der);
    buf[buf.length - 10] = (buf[buf.length - 10] ?? 0) ^ 0xff;
    writeFileSync(file, buf);
    expect(opensslIntegrityOk(file)).toBe(false);
    const [s] = await verifyDer(buf);
    expect(s?.integrity).toBe('invalid');
    expect(s?.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it.each(['sha224', 'sha384', 'sha512'])('RSA %s verifies', async (md) => {
    const { file, der } = sign(`rsa-${md}.p7m`, { md });
    expect(opensslIntegrityOk(file)).toBe(true);
    const [s] = await verifyDer(der);
    expect(s?.integrity).toBe('valid');
    expect(s?.digestAlgorithm).toBe(md.replace('sha', 'SHA-'));
  });

  it('SignerIdentifier by subject key identifier (-keyid) finds the signer', async () => {
    const { file, der } = sign('keyid.p7m', { flags: ['-nodetach', '-keyid'] });
    expect(opensslIntegrityOk(file)).toBe(true);
    const [s] = await verifyDer(der);
    expect(s?.integrity).toBe('valid');
    expect(s?.signer.fiscalCode).toBe('RSSMRA80A01H501U');
  });

  it('RSA-PSS verifies', async () => {
    const { file, der } = sign('pss.p7m', { flags: ['-nodetach', '-keyopt', 'rsa_padding_mode:pss'] });
    expect(opensslIntegrityOk(file)).toBe(true);
    const [s] = await verifyDer(der);
    expect(s?.signatureAlgorithm).toBe('RSA-PSS SHA-256');
    expect(s?.integrity).toBe('valid');
  });

  it('ECDSA P-256 verifies', async () => {
    const [s] = await verifyDer(sign('ec.p7m', { signer: fx.pki.ecSignature }).der);
    expect(s?.signatureAlgorithm).toBe('ECDSA SHA-256');
    expect(s?.integrity).toBe('valid');
  });

  it('no signed attributes (RSA over the content digest) verifies; a changed content does not', async () => {
    const [s] = await verifyDer(sign('noattr.p7m', { flags: ['-nodetach', '-noattr'] }).der);
    expect(s?.integrity).toBe('valid');
    expect(s?.signingTime).toBeNull();
    const { der } = sign('noattr-det.p7s', { flags: ['-noattr'] });
    const [bad] = await verifyDer(der, trust, new TextEncoder().encode('something else'));
    expect(bad?.integrity).toBe('invalid');
  });

  it('ECDSA without signed attributes verifies from the content digest alone (P-256, SHA-384)', async () => {
    const { file, der } = sign('ec-noattr.p7m', {
      signer: fx.pki.ecSignature,
      md: 'sha384',
      flags: ['-nodetach', '-noattr'],
    });
    expect(opensslIntegrityOk(file)).toBe(true);
    const [s] = await verifyDer(der);
    expect(s?.signatureAlgorithm).toBe('ECDSA SHA-384');
    expect(s?.integrity).toBe('valid');
    const { der: det } = sign('ec-noattr.p7s', { signer: fx.pki.ecSignature, flags: ['-noattr'] });
    const [bad] = await verifyDer(det, trust, new TextEncoder().encode('other content'));
    expect(bad?.integrity).toBe('invalid');
  });

  it('SHA-1 without a timestamp → CRYPTO_CONSTRAINTS_FAILURE_NO_POE with integrity valid', async () => {
    const [s] = await verifyDer(sign('sha1.p7m', { md: 'sha1' }).der);
    expect(s?.integrity).toBe('valid');
    expect(s?.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('-nocerts → NO_SIGNING_CERTIFICATE_FOUND', async () => {
    const [s] = await verifyDer(sign('nocerts.p7m', { flags: ['-nodetach', '-nocerts'] }).der, noTrust);
    expect(s?.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    expect(s?.integrity).toBe('invalid');
  });

  it('expired signer certificate with a signing time after its expiry → TOTAL_FAILED/EXPIRED', async () => {
    const [s] = await verifyDer(sign('expired.p7m', { signer: fx.pki.expiredSignature }).der);
    expect(s?.integrity).toBe('valid');
    expect(s?.indication).toBe('TOTAL_FAILED');
    expect(s?.subIndication).toBe('EXPIRED');
  });

  it('signing time claimed while valid but certificate expired now → OUT_OF_BOUNDS_NO_POE', async () => {
    const [s] = await verifyCmsSignatures(cmsPartsInMemory(sign('later.p7m').der), {
      trust,
      now: new Date(Date.now() + 5 * 365 * 24 * 3600e3),
    });
    expect(s?.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('two parallel signers are both reported', async () => {
    const file = join(dir, 'two.p7m');
    const der = opensslCmsSign({
      input,
      out: file,
      signer: fx.pki.signature,
      certfile: fx.pki.caPem,
      flags: ['-nodetach', '-signer', fx.pki.ecSignature.certPem, '-inkey', fx.pki.ecSignature.keyPem],
    });
    const sigs = await verifyDer(der);
    expect(sigs.map((s) => s.signatureAlgorithm).sort()).toEqual(['ECDSA SHA-256', 'RSA SHA-256']);
    expect(sigs.every((s) => s.integrity === 'valid')).toBe(true);
  });

  it('detached signature verifies against its content', async () => {
    const { der } = sign('det.p7s', { flags: [] });
    const [s] = await verifyDer(der, trust, readFileSync(input));
    expect(s?.integrity).toBe('valid');
  });
});
