/**
 * A timestamp's TSA certificate goes through the same path validation as a signer: a TSA certificate "issued"
 * by an end-entity certificate is CHAIN_CONSTRAINTS_FAILURE, the same TSA under a real CA passes. Its extended
 * key usage is the one RFC 3161 §2.3 requires: critical, timeStamping only (tokens signed with `openssl cms`,
 * since `openssl ts -reply` refuses any other TSA certificate).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTimestampToken } from '../../electron/core/verify/token-check';
import { parseTimestampToken } from '../../electron/core/tsa/timestamp-token';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import type { IssuedCert } from '../support/pki';
import type { TsaPki } from '../support/tsa-server';
import { datedToken } from './support/dated-pki';
import { CA_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
let dir = '';
let pki: ChainPki;
const TSA_EXT = [
  'basicConstraints = critical,CA:false',
  'keyUsage = critical,digitalSignature,nonRepudiation',
  'extendedKeyUsage = critical,timeStamping',
];

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'tsa-chain-'));
  pki = await startChainPki(dir);
});

afterAll(() => pki.close());

/** a token over `data` from the TSA `tsa`, carrying `above` too */
async function stampAndCheck(name: string, tsa: IssuedCert, above: IssuedCert[]) {
  const data = join(dir, `${name}.txt`);
  writeFileSync(data, `dati ${name}\n`);
  const chain = join(dir, `${name}.chain.pem`);
  writeFileSync(chain, above.map((c) => readFileSync(c.certPem, 'utf8')).join(''));
  const conf = join(dir, `${name}.ts.cnf`);
  writeFileSync(join(dir, `${name}.tsserial`), '01\n');
  writeFileSync(
    conf,
    [
      '[tsa]',
      'default_tsa = t',
      '[t]',
      `serial = ${dir}/${name}.tsserial`,
      `signer_cert = ${tsa.certPem}`,
      `signer_key = ${tsa.keyPem}`,
      `certs = ${chain}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1.1',
      'digests = sha256',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  const query = join(dir, `${name}.tsq`);
  const token = join(dir, `${name}.tst`);
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['ts', '-query', '-data', data, '-sha256', '-cert', '-out', query]);
  run(['ts', '-reply', '-config', conf, '-queryfile', query, '-token_out', '-out', token]);
  const digest = createHash('sha256').update(readFileSync(data)).digest();
  return checkTimestampToken(parseTimestampToken(new Uint8Array(readFileSync(token))), () => digest, {
    trust: new TrustStore(await readTrustFile(pki.root.certPem)),
    revocation: createRevocationChecker({ offline: false, cacheDir: null }),
  });
}

describe('TSA certification path', () => {
  it('a TSA under a real CA passes', async () => {
    const ca = pki.issue('tsa-ca', pki.root, CA_EXT);
    const r = await stampAndCheck('tsa-good', pki.issue('tsa-good', ca, TSA_EXT), [ca]);
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  it('a TSA certificate issued by an end-entity certificate → CHAIN_CONSTRAINTS_FAILURE', async () => {
    const ee = pki.issue('tsa-fake-ca', pki.root, ['basicConstraints = critical,CA:false']);
    const r = await stampAndCheck('tsa-bad', pki.issue('tsa-bad', ee, TSA_EXT), [ee]);
    expect(r.imprintMatches).toBe(true);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(r.explanation).toContain('tsa-fake-ca');
    expect(r.chain[0]?.revocation?.status).toBe('good');
  });
});

describe('TSA certificate extended key usage (RFC 3161 §2.3)', () => {
  /** a token over some data signed by `tsa` (issued by the root), checked with the services on */
  async function cmsTokenCheck(name: string, ekuLine: string) {
    const tsa = pki.issue(name, pki.root, [...TSA_EXT.slice(0, 2), ekuLine]);
    const signer = { dir, tsaCertPem: tsa.certPem, tsaKeyPem: tsa.keyPem } as TsaPki;
    const data = new TextEncoder().encode(`dati ${name}\n`);
    const token = datedToken(signer, new Date(), data, 'sha256');
    const digest = new Uint8Array(createHash('sha256').update(data).digest());
    return checkTimestampToken(parseTimestampToken(token), () => digest, {
      trust: new TrustStore(await readTrustFile(pki.root.certPem)),
      revocation: createRevocationChecker({ offline: false, cacheDir: null }),
    });
  }

  it('critical, timeStamping only → passes', async () => {
    const r = await cmsTokenCheck('eku-critical', 'extendedKeyUsage = critical,timeStamping');
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  it('timeStamping not marked critical → CHAIN_CONSTRAINTS_FAILURE', async () => {
    const r = await cmsTokenCheck('eku-noncritical', 'extendedKeyUsage = timeStamping');
    expect(r.imprintMatches).toBe(true);
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
    expect(r.messages.join(' ')).toMatch(/RFC 3161/);
    // the explanation says why, not the inner signature's "the signature is valid"
    expect(r.explanation).toMatch(/timeStamping/);
    expect(r.explanation).not.toMatch(/firma è valida|signature is valid/);
  });

  it('no extended key usage (a signer’s certificate) → CHAIN_CONSTRAINTS_FAILURE, explained', async () => {
    const r = await cmsTokenCheck('eku-none', 'subjectKeyIdentifier = hash');
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
    expect(r.explanation).toMatch(/timeStamping/);
  });

  it('critical, timeStamping with another purpose → CHAIN_CONSTRAINTS_FAILURE', async () => {
    const r = await cmsTokenCheck('eku-two', 'extendedKeyUsage = critical,timeStamping,codeSigning');
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
  });
});
