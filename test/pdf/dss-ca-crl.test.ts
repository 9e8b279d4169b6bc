/**
 * PAdES: a /DSS added in a later (allowed) update carries a genuine root CRL from before the sub-CA was revoked
 * (its nextUpdate still ahead). The revocation the root publishes now wins (RFC 5280 §6.3.3; DSS uses the file's
 * revocation data and the online one alike): the signature is not TOTAL_PASSED.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { name, PdfDict, ref } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { signPades } from '../../electron/core/sign/pades-sign';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from '../verify/support/chain-pki';
import { appendUpdate, contentStream } from './support/append-update';
import { writeHandwritten } from './support/make-pdf';

const fx = inject('fixture');
let pki: ChainPki;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'dss-ca-crl-'));
  pki = await startChainPki(dir);
});
afterAll(() => pki.close());

const ts = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/** the root's CRL as its database says now, thisUpdate at `from` (DER) */
function rootCrl(from: Date): Buffer {
  const pem = join(dir, 'old-root.crl.pem');
  const conf = join(pki.dir, `${pki.root.name}.crl.cnf`);
  const args = [
    '-config',
    conf,
    '-cert',
    pki.root.certPem,
    '-keyfile',
    pki.root.keyPem,
    '-crl_lastupdate',
    ts(from),
  ];
  execFileSync('openssl', ['ca', '-gencrl', ...args, '-out', pem], { stdio: 'pipe' });
  return execFileSync('openssl', ['crl', '-in', pem, '-outform', 'DER']);
}

describe('PAdES: an older root CRL in the DSS', () => {
  it('does not hide the sub-CA revocation the root publishes now', async () => {
    const ca = pki.issue('d1-ca', pki.root, CA_EXT);
    const leaf = pki.issue('d1-leaf', ca, LEAF_EXT);
    const old = rootCrl(new Date(Date.now() - 3_600_000));
    pki.revoke(ca, pki.root);
    const signer = new SoftwareSigner({
      keyPem: leaf.keyPem,
      certPem: leaf.certPem,
      chainPems: [ca.certPem],
    });
    const signed = join(dir, 'signed.pdf');
    await signPades({
      input: writeHandwritten(join(dir, 'in.pdf')),
      output: signed,
      overwrite: false,
      digest: 'sha256',
      signer,
    });
    const withDss = appendUpdate(signed, join(dir, 'dss.pdf'), (r, n) => [
      [n, contentStream(old.toString('latin1'))],
      [n + 1, new PdfDict().set('Type', name('DSS')).set('CRLs', [ref(n)])],
      [
        1,
        r
          .catalog()
          .clone()
          .set('DSS', ref(n + 1)),
      ],
    ]);
    const trust = new TrustStore(await readTrustFile(pki.root.certPem));
    const verify = async (f: string) =>
      (await verifyPdf(f, { trust, revocation: createRevocationChecker({ offline: false, cacheDir: null }) }))
        .signatures[0];
    const plain = await verify(signed);
    expect([plain?.indication, plain?.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_CA_NO_POE']);
    const dss = await verify(withDss);
    expect(dss?.modifications?.allowed).toBe(true);
    expect([dss?.indication, dss?.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_CA_NO_POE']);
  });
});
