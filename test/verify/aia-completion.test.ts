/**
 * Chain completion from the AIA caIssuers URL: a p7m carrying only the signer's certificate verifies when the
 * intermediate is served on loopback (DER or PKCS#7 certs-only), the answer is cached on disk, and with
 * --offline only that cache is used.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { certificatesOf } from '../../electron/core/revocation/ca-issuers';
import type { IssuedCert } from '../support/pki';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign } from './support/openssl-cms';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';
import { readFileSync } from 'node:fs';

const fx = inject('fixture');
let dir = '';
let input = '';
let pki: ChainPki;
let ca: IssuedCert;
let leaf: IssuedCert;
let p7m: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'aia-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  pki = await startChainPki(dir);
  ca = pki.issue('aia-ca', pki.root, CA_EXT);
  leaf = pki.issue('aia-leaf', ca, LEAF_EXT);
  // -nocerts drops the signer certificate, -certfile puts back the leaf alone: no intermediate in the file
  const out = join(dir, 'leaf-only.p7m');
  p7m = opensslCmsSign({
    input,
    out,
    signer: leaf,
    certfile: leaf.certPem,
    flags: ['-nodetach', '-nocerts'],
  });
});

afterAll(() => pki.close());

async function verify(offline: boolean, cacheDir: string | null) {
  const trust = new TrustStore(await readTrustFile(pki.root.certPem));
  const revocation = createRevocationChecker({ offline, cacheDir });
  const [s] = await verifyCmsSignatures(cmsPartsInMemory(p7m), { trust, revocation });
  return s;
}

describe('chain completion from AIA caIssuers', () => {
  it('the file holds the leaf only', () => {
    expect(cmsPartsInMemory(p7m).certificates).toHaveLength(1);
  });

  it('fetches the missing intermediate and passes; then offline from the disk cache', async () => {
    const cacheDir = mkdtempSync(join(dir, 'cache-'));
    const before = pki.hits['/cert/aia-ca.der'] ?? 0;
    const s = await verify(false, cacheDir);
    expect(s?.indication).toBe('TOTAL_PASSED');
    expect(s?.chain.map((c) => c.subject)).toEqual(['CN=aia-leaf', 'CN=aia-ca', 'CN=Chain Test Root']);
    expect(pki.hits['/cert/aia-ca.der']).toBe(before + 1);
    pki.aiaUp = false;
    pki.crlUp = false;
    try {
      const again = await verify(true, cacheDir);
      expect(again?.indication).toBe('TOTAL_PASSED');
      expect(pki.hits['/cert/aia-ca.der']).toBe(before + 1);
    } finally {
      pki.aiaUp = true;
      pki.crlUp = true;
    }
  });

  it('offline without a cache the chain is not found', async () => {
    const s = await verify(true, mkdtempSync(join(dir, 'empty-')));
    expect(s?.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('with the AIA service down the chain is not found', async () => {
    pki.aiaUp = false;
    try {
      const s = await verify(false, null);
      expect(s?.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    } finally {
      pki.aiaUp = true;
    }
  });

  it('reads a PKCS#7 certs-only bundle and refuses anything else', () => {
    const bundle = join(dir, 'bundle.p7c');
    const args = ['crl2pkcs7', '-nocrl', '-certfile', ca.certPem, '-certfile', pki.root.certPem];
    execFileSync('openssl', [...args, '-outform', 'DER', '-out', bundle]);
    const certs = certificatesOf(new Uint8Array(readFileSync(bundle)));
    expect(certs.map((c) => c.x509.subject)).toEqual(['CN=aia-ca', 'CN=Chain Test Root']);
    expect(certificatesOf(new Uint8Array(readFileSync(ca.certPem)))).toHaveLength(1);
    expect(certificatesOf(new Uint8Array(Buffer.from('not a certificate')))).toEqual([]);
  });
});
