/**
 * Signing embeds the issuer chain up to (not including) the root: from the certificates the key came with,
 * else from the AIA caIssuers URL; unreachable AIA does not fail signing. `openssl cms -verify -CAfile root.pem`
 * (the root only, no -certfile) accepts the CAdES output.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { signCades } from '../../electron/core/sign/cades';
import { issuerChain, withIssuerChain } from '../../electron/core/sign/issuer-chain';
import type { IssuedCert } from '../support/pki';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from '../verify/support/chain-pki';

const fx = inject('fixture');
let dir = '';
let pki: ChainPki;
let top: IssuedCert;
let sub: IssuedCert;
let leaf: IssuedCert;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'issuer-chain-'));
  pki = await startChainPki(dir);
  top = pki.issue('sign-top-ca', pki.root, CA_EXT);
  sub = pki.issue('sign-sub-ca', top, CA_EXT);
  leaf = pki.issue('sign-leaf', sub, LEAF_EXT);
});

afterAll(() => pki.close());

const der = (c: IssuedCert) => new Uint8Array(readFileSync(c.certDer));
const fp = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');

async function signWith(chainPems: string[]): Promise<string> {
  const input = join(dir, `doc-${++n}.txt`);
  writeFileSync(input, `documento ${n}\n`);
  const base = new SoftwareSigner({ keyPem: leaf.keyPem, certPem: leaf.certPem, chainPems });
  const signer = await withIssuerChain(base);
  const r = await signCades({ input, overwrite: false, digest: 'sha256', signer, nest: false });
  return r.output;
}

function opensslAccepts(file: string): boolean {
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', file, '-CAfile', pki.root.certPem];
  return spawnSync('openssl', [...args, '-out', '/dev/null'], { stdio: 'ignore' }).status === 0;
}

describe('issuer chain embedded at signing', () => {
  it('from AIA when the key comes without CA certificates: openssl verifies with the root alone', async () => {
    const out = await signWith([]);
    expect(opensslAccepts(out)).toBe(true);
  });

  it('from the token certificates, in order, root left out, no AIA needed', async () => {
    pki.aiaUp = false;
    try {
      const bundle = join(dir, 'token-cas.pem');
      writeFileSync(bundle, [pki.root, sub, top].map((c) => readFileSync(c.certPem, 'utf8')).join(''));
      const chain = await issuerChain(der(leaf), [der(pki.root), der(sub), der(top)]);
      expect(chain.map(fp)).toEqual([fp(der(sub)), fp(der(top))]);
      expect(opensslAccepts(await signWith([bundle]))).toBe(true);
    } finally {
      pki.aiaUp = true;
    }
  });

  it('AIA unreachable: signing still works with what is there', async () => {
    pki.aiaUp = false;
    try {
      const chain = await issuerChain(der(leaf), []);
      expect(chain).toEqual([]);
      const out = await signWith([]);
      expect(opensslAccepts(out)).toBe(false);
    } finally {
      pki.aiaUp = true;
    }
  });
});
