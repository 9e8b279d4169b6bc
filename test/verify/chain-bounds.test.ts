/**
 * Issue 19 bounds on chain building: a p7m stuffed with ~200 look-alike "CA" certificates (the issuer's name,
 * 16384-bit RSA keys) verifies fast, the big keys are refused before any signature math with a plain message;
 * look-alikes with acceptable keys are tried at most MAX_CANDIDATES times.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { keyRefusal, parseCert } from '../../electron/core/x509/certificates';
import { decideSignature } from '../../electron/core/verify/signer-verdict';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { parseCertificate } from '../../electron/core/x509/cert-info';
import { MAX_CANDIDATES } from '../../electron/core/verify/chain';
import type { IssuedCert } from '../support/pki';
import { opensslCmsSign } from './support/openssl-cms';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
const FAKES = 200;
let dir = '';
let input = '';
let pki: ChainPki;
let ca: IssuedCert;
let leaf: IssuedCert;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'bounds-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  pki = await startChainPki(dir);
  ca = pki.issue('bomb-ca', pki.root, CA_EXT);
  leaf = pki.issue('bomb-leaf', ca, LEAF_EXT);
});

afterAll(() => pki.close());

/** a public key PEM: an RSA modulus of `bits` random bits (never a real key), or `keyPem`'s public key */
function publicKeyFile(name: string, bits?: number): string {
  const file = join(dir, `${name}.pub.pem`);
  if (bits) {
    const n = randomBytes(bits / 8);
    n[0] = (n[0] ?? 0) | 0x80;
    n[n.length - 1] = (n[n.length - 1] ?? 0) | 1;
    const key = createPublicKey({
      key: { kty: 'RSA', n: n.toString('base64url'), e: 'AQAB' },
      format: 'jwk',
    });
    writeFileSync(file, key.export({ type: 'spki', format: 'pem' }));
  } else {
    execFileSync('openssl', ['pkey', '-in', ca.keyPem, '-pubout', '-out', file]);
  }
  return file;
}

/**
 * `count` certificates named like the real CA with the key in `pubKey`: one made by openssl, then copies whose
 * serial number is patched in the DER (their signatures break: nothing here ever gets that far).
 */
function lookAlikes(name: string, pubKey: string, count: number): string {
  const ext = join(dir, `${name}.ext`);
  // the real CA's key identifier, so the leaf's authorityKeyIdentifier does not rule the look-alikes out
  const ski = parseCertificate(new Uint8Array(readFileSync(ca.certDer))).subjectKeyIdentifier ?? '';
  writeFileSync(ext, `${CA_EXT.join('\n')}\nsubjectKeyIdentifier = ${ski.replace(/(..)(?=.)/g, '$1:')}\n`);
  const der = join(dir, `${name}.der`);
  const args = ['-req', '-in', join(dir, 'bomb-ca.csr'), '-CA', pki.root.certPem, '-CAkey', pki.root.keyPem];
  args.push('-force_pubkey', pubKey, '-set_serial', '0x7abc0000', '-days', '20', '-extfile', ext);
  execFileSync('openssl', ['x509', ...args, '-outform', 'DER', '-out', der]);
  const base = readFileSync(der);
  const at = base.indexOf(Buffer.from([0x02, 0x04, 0x7a, 0xbc, 0x00, 0x00]));
  if (at < 0) throw new Error('serial not found');
  const pems: string[] = [];
  for (let i = 1; i <= count; i++) {
    const copy = Buffer.from(base);
    copy.writeUInt16BE(i, at + 4);
    pems.push(
      `-----BEGIN CERTIFICATE-----\n${copy.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`,
    );
  }
  return pems.join('');
}

/** signs embedding `certs`, verifies the file as the CLI does (streaming reader), trusting the root */
async function verifyWith(name: string, certs: string) {
  const certfile = join(dir, `${name}.certs.pem`);
  writeFileSync(certfile, certs);
  const out = join(dir, `${name}.p7m`);
  const der = opensslCmsSign({ input, out, signer: leaf, certfile });
  const trust = new TrustStore(await readTrustFile(pki.root.certPem));
  const started = Date.now();
  const report = await verifyFile(out, { trust });
  return { s: report.signatures[0], ms: Date.now() - started, size: der.length, error: report.error };
}

describe('chain building bounds (issue 19)', () => {
  it('200 look-alike CAs with 16384-bit keys: refused unverified, the real CA still found, fast', async () => {
    const fakes = lookAlikes('big', publicKeyFile('big', 16384), FAKES);
    const { s, ms, size, error } = await verifyWith('big', fakes + readFileSync(ca.certPem, 'utf8'));
    expect(error).toBeNull();
    expect(size).toBeGreaterThan(FAKES * 2048);
    expect(ms).toBeLessThan(10_000);
    expect(s?.integrity).toBe('valid');
    expect(s?.chain.map((c) => c.subject)).toEqual(['CN=bomb-leaf', 'CN=bomb-ca', 'CN=Chain Test Root']);
  });

  it('without the real CA: no chain, and the refused keys are named', async () => {
    const fakes = lookAlikes('big-only', publicKeyFile('big-only', 16384), FAKES);
    const { s, ms } = await verifyWith('big-only', fakes);
    expect(ms).toBeLessThan(10_000);
    expect(s?.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(s?.messages.join('\n')).toContain('RSA 16384 bit > 8192');
  });

  it('look-alikes with an acceptable key are tried at most MAX_CANDIDATES times', async () => {
    const fakes = lookAlikes('same-key', publicKeyFile('same-key'), FAKES);
    const { s, ms } = await verifyWith('same-key', fakes);
    expect(ms).toBeLessThan(10_000);
    expect(s?.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(s?.messages.join('\n')).toMatch(new RegExp(`(first|primi) ${MAX_CANDIDATES}`));
  });

  it('a signer with a 16384-bit key is refused before the signature math', () => {
    const csr = join(dir, 'big-signer.csr');
    execFileSync('openssl', ['req', '-new', '-key', leaf.keyPem, '-subj', '/CN=big-signer', '-out', csr]);
    const ext = join(dir, 'big-signer.ext');
    writeFileSync(ext, `${LEAF_EXT.join('\n')}\n`);
    const out = join(dir, 'big-signer.der');
    const args = ['-req', '-in', csr, '-CA', ca.certPem, '-CAkey', ca.keyPem, '-set_serial', '77'];
    args.push('-force_pubkey', publicKeyFile('big-signer', 16384), '-days', '20', '-extfile', ext);
    execFileSync('openssl', ['x509', ...args, '-outform', 'DER', '-out', out]);
    const signer = parseCert(new Uint8Array(readFileSync(out)));
    expect(signer && keyRefusal(signer)).toBe('RSA 16384 bit > 8192');
    const v = decideSignature(
      { formatFailure: false, signer, hashOk: true, sigOk: undefined, essMismatch: false, now: new Date() },
      undefined,
    );
    expect([v.indication, v.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE']);
    expect(keyRefusal(parseCert(new Uint8Array(readFileSync(leaf.certDer)))!)).toBeUndefined();
  });
});
