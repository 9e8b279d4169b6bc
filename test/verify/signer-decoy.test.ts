/**
 * The sid of a SignerInfo (issuer + serial, or key identifier) is not signed: anyone can add a certificate of their
 * own answering to it, first in the certificates set. The signer was the first certificate matching the sid, so
 * such a decoy made a genuine signature TOTAL_FAILED/SIG_CRYPTO_FAILURE with the decoy shown as its signer. As
 * DSS: the certificate the signed signing-certificate attribute names first, then one whose key verifies.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { opensslCmsSign } from './support/openssl-cms';
import { withFirstSignerInfo } from './support/dated-pki';

const fx = inject('fixture');
let dir = '';
let input = '';
let trust: TrustStore;

const openssl = (args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' }).toString('latin1').trim();

/** a self-made certificate (CN=DECOY, own key) with the signer's issuer name and serial, or its key identifier */
function decoy(kind: 'issuerSerial' | 'keyId'): Uint8Array {
  const cert = fx.pki.signature.certPem;
  const subject =
    kind === 'issuerSerial'
      ? openssl(['x509', '-in', cert, '-noout', '-issuer', '-nameopt', 'compat']).replace(/^issuer=/, '')
      : '/CN=DECOY';
  const serial = openssl(['x509', '-in', cert, '-noout', '-serial']).replace(/^serial=/, '');
  const ski = openssl(['x509', '-in', cert, '-noout', '-ext', 'subjectKeyIdentifier']).split('\n')[1]!.trim();
  const own =
    kind === 'issuerSerial' ? ['-set_serial', `0x${serial}`] : ['-addext', `subjectKeyIdentifier=${ski}`];
  const out = join(dir, `decoy-${kind}.der`);
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, `decoy-${kind}.key`)];
  openssl([...args, '-subj', subject, '-days', '30', ...own, '-outform', 'DER', '-out', out]);
  return new Uint8Array(readFileSync(out));
}

/** a signature by the fixture's signer, then the same with `first` put first in its certificates */
function signed(name: string, flags: string[], first?: Uint8Array): string {
  const out = join(dir, `${name}.p7m`);
  const der = opensslCmsSign({ input, out, signer: fx.pki.signature, certfile: fx.pki.caPem, flags });
  if (first)
    writeFileSync(
      out,
      withFirstSignerInfo(
        der,
        (si) => si,
        (certs) => [first, ...certs],
      ),
    );
  return out;
}

async function verdict(file: string) {
  const r = await verifyFile(file, { trust });
  const s = r.signatures[0]!;
  return { integrity: s.integrity, indication: s.indication, sub: s.subIndication, cn: s.signer.commonName };
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'signer-decoy-'));
  input = join(dir, 'contratto.txt');
  writeFileSync(input, 'Contratto: pagare 1000 EUR\n');
  trust = new TrustStore(await readTrustFile(fx.pki.rootPem));
});

describe('a certificate answering to the sid put before the signer’s', () => {
  const cases: [string, string[], 'issuerSerial' | 'keyId'][] = [
    ['CAdES, issuer + serial', ['-nodetach', '-cades'], 'issuerSerial'],
    ['CAdES, key identifier', ['-nodetach', '-cades', '-keyid'], 'keyId'],
    ['CMS without signing-certificate attribute, issuer + serial', ['-nodetach'], 'issuerSerial'],
    ['CMS without signing-certificate attribute, key identifier', ['-nodetach', '-keyid'], 'keyId'],
  ];
  for (const [what, flags, kind] of cases) {
    it(`${what}: the verdict and the signer of the file without it`, async () => {
      const name = what.replace(/\W+/g, '-');
      const control = await verdict(signed(`${name}-control`, flags));
      expect(control).toMatchObject({ integrity: 'valid', cn: expect.not.stringMatching(/DECOY/) });
      expect(await verdict(signed(name, flags, decoy(kind)))).toEqual(control);
    });
  }

  it('a signature none of whose candidates verifies still fails (the decoy alone)', async () => {
    const file = join(dir, 'decoy-only.p7m');
    const der = opensslCmsSign({
      input,
      out: file,
      signer: fx.pki.signature,
      flags: ['-nodetach', '-cades'],
    });
    writeFileSync(
      file,
      withFirstSignerInfo(
        der,
        (si) => si,
        () => [decoy('issuerSerial')],
      ),
    );
    const v = await verdict(file);
    expect([v.integrity, v.indication, v.sub]).toEqual(['invalid', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
  });
});
