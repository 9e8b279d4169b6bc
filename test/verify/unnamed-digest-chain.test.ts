/**
 * A certificate signature whose digest Sigillo cannot name is a refused algorithm, never a skipped one: an
 * intermediate and a signer certificate signed with md5WithRSAEncryption (node's X509Certificate.verify accepts
 * MD5) give INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE (DSS: MD5 expired 2005), and MD2 or an RSA-PSS hash it
 * does not know count as refused uses too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { signatureDigestUse } from '../../electron/core/x509/signature-crypto';
import type { IssuedCert } from '../support/pki';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let root: IssuedCert;

const CA = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
const LEAF = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,nonRepudiation'];

const openssl = (args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

function issue(name: string, issuer: IssuedCert, ext: string[], md: string): IssuedCert {
  const keyPem = join(dir, `${name}.key`);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPem]);
  const csr = join(dir, `${name}.csr`);
  openssl(['req', '-new', '-key', keyPem, '-subj', `/CN=${name}`, '-out', csr]);
  const extFile = join(dir, `${name}.ext`);
  writeFileSync(extFile, [...ext, 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'].join('\n'));
  const certPem = join(dir, `${name}.pem`);
  const ca = ['-CA', issuer.certPem, '-CAkey', issuer.keyPem, '-set_serial', String(Date.now() % 1e9)];
  openssl(['x509', '-req', '-in', csr, ...ca, `-${md}`, '-days', '30', '-extfile', extFile, '-out', certPem]);
  return { name, keyPem, certPem, certDer: '' };
}

beforeAll(() => {
  setLang('en');
  dir = mkdtempSync(join(fx.root, 'unnamed-digest-'));
  const keyPem = join(dir, 'root.key');
  const certPem = join(dir, 'root.pem');
  const subject = [
    '-subj',
    '/CN=Unnamed Digest Root',
    '-addext',
    CA[0] as string,
    '-addext',
    CA[1] as string,
  ];
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPem, '-out', certPem, ...subject]);
  root = { name: 'root', keyPem, certPem, certDer: '' };
});

async function verify(md: string) {
  const int = issue(`int-${md}`, root, CA, md);
  const leaf = issue(`leaf-${md}`, int, LEAF, md);
  const input = join(dir, `doc-${md}.txt`);
  writeFileSync(input, 'documento\n');
  const der = opensslCmsSign({ input, out: `${input}.p7m`, signer: leaf, certfile: int.certPem });
  const trust = new TrustStore(await readTrustFile(root.certPem));
  const [s] = await verifyCmsSignatures(cmsPartsInMemory(der), { trust });
  return s!;
}

describe('certificate signatures with a digest Sigillo cannot name', () => {
  it('an MD5-signed intermediate and signer: CRYPTO_CONSTRAINTS_FAILURE, never passed', async () => {
    const s = await verify('md5');
    expect(s.integrity).toBe('valid');
    expect(s.chain).toHaveLength(3);
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
    expect(s.messages.join('\n')).toContain('MD5: algorithm not accepted by the validation policy.');
  });

  it('the same chain with SHA-256 is judged as usual (no refusal)', async () => {
    const s = await verify('sha256');
    expect(s.chain).toHaveLength(3);
    expect(s.subIndication).not.toBe('CRYPTO_CONSTRAINTS_FAILURE');
    expect(s.messages.join('\n')).not.toContain('not accepted by the validation policy');
  });

  it('MD2, an unknown algorithm and an RSA-PSS hash it does not know are refused uses', () => {
    const alg = (oid: string, params?: asn1js.BaseBlock) =>
      new pkijs.AlgorithmIdentifier({ algorithmId: oid, algorithmParams: params });
    expect(signatureDigestUse(alg('1.2.840.113549.1.1.2'))).toEqual({ label: 'MD2', refused: true });
    expect(signatureDigestUse(alg('1.2.3.4'))).toEqual({ label: '1.2.3.4', refused: true });
    // RSASSA-PSS-params { hashAlgorithm [0] md5 }
    const md5 = new asn1js.Sequence({
      value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.2.5' })],
    });
    const pss = new asn1js.Sequence({
      value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [md5] })],
    });
    expect(signatureDigestUse(alg('1.2.840.113549.1.1.10', pss))?.refused).toBe(true);
    expect(signatureDigestUse(alg('1.2.840.113549.1.1.11'))).toMatchObject({ label: 'SHA-256' });
    expect(signatureDigestUse(alg('1.3.101.112'))).toBeUndefined();
  });
});
