import { beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { opensslDate, type IssuedCert } from '../support/pki';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
const DAY = 24 * 3600e3;
let dir = '';
let input = '';

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** a leaf issued by `issuer` with the given key size, key usage and validity */
function leaf(name: string, issuer: IssuedCert, bits: number, start: Date, end: Date): IssuedCert {
  const keyPem = join(dir, `${name}.key.pem`);
  const csr = join(dir, `${name}.csr`);
  const certPem = join(dir, `${name}.pem`);
  const ext = join(dir, `${name}.ext`);
  const selfSign = issuer.name === name;
  const usage = selfSign
    ? 'CA:true\nkeyUsage=critical,keyCertSign,cRLSign'
    : 'CA:false\nkeyUsage=critical,nonRepudiation';
  writeFileSync(ext, `basicConstraints=critical,${usage}\n`);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', keyPem]);
  openssl(['req', '-new', '-key', keyPem, '-subj', `/CN=${name}`, '-out', csr]);
  const conf = join(dir, `${name}.cnf`);
  writeFileSync(
    conf,
    `[ca]\ndefault_ca=c\n[c]\ndatabase=${dir}/${name}.idx\nnew_certs_dir=${dir}\nserial=${dir}/${name}.srl\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n[req]\ndistinguished_name=dn\n[dn]\n`,
  );
  writeFileSync(join(dir, `${name}.idx`), '');
  writeFileSync(join(dir, `${name}.srl`), '3000\n');
  openssl([
    'ca',
    '-batch',
    '-notext',
    '-config',
    conf,
    '-extfile',
    ext,
    '-in',
    csr,
    '-out',
    certPem,
    '-startdate',
    opensslDate(start),
    '-enddate',
    opensslDate(end),
    ...(selfSign ? ['-selfsign', '-keyfile', keyPem] : ['-cert', issuer.certPem, '-keyfile', issuer.keyPem]),
  ]);
  return { name, keyPem, certPem, certDer: '' };
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'constraints-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
});

async function verifyWith(signer: IssuedCert, trustPem: string, certfile?: string) {
  const out = join(dir, `${signer.name}.p7m`);
  const der = opensslCmsSign({ input, out, signer, certfile });
  const trust = new TrustStore(await readTrustFile(trustPem));
  return (await verifyCmsSignatures(cmsPartsInMemory(der), { trust }))[0];
}

describe('certificate constraints', () => {
  it('a certificate without signing key usage (a CA key) → CHAIN_CONSTRAINTS_FAILURE', async () => {
    const s = await verifyWith(fx.pki.ca, fx.pki.rootPem);
    expect(s?.integrity).toBe('valid');
    expect(s?.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
  });

  it('an RSA 1024 signer key (expired 2009 in DSS’s policy) → CRYPTO_CONSTRAINTS_FAILURE_NO_POE', async () => {
    const weak = leaf('weak', fx.pki.ca, 1024, new Date(Date.now() - DAY), new Date(Date.now() + 30 * DAY));
    const s = await verifyWith(weak, fx.pki.rootPem, fx.pki.caPem);
    expect(s?.integrity).toBe('valid');
    expect(s?.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(s?.messages.join(' ')).toMatch(/1024/);
  });

  it('an expired CA above a valid signer → OUT_OF_BOUNDS_NO_POE naming the authority', async () => {
    const oldCa = leaf(
      'oldca',
      { name: 'oldca' } as IssuedCert,
      2048,
      new Date(Date.now() - 20 * DAY),
      new Date(Date.now() - DAY),
    );
    const s1 = leaf(
      'signer-under-old-ca',
      oldCa,
      2048,
      new Date(Date.now() - 10 * DAY),
      new Date(Date.now() + 300 * DAY),
    );
    const s = await verifyWith(s1, oldCa.certPem);
    expect(s?.integrity).toBe('valid');
    expect(s?.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    expect(s?.messages.join(' ')).toMatch(/oldca/);
  });
});
