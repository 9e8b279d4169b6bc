/**
 * A file copy of the trust anchor: a certificate with the anchor's name and public key but other constraints or
 * dates, signed by any key, put among the CMS certificates. It only points to the anchor: the path is validated
 * and reported with the trusted certificate (RFC 5280 §6.1.1 d: the trust anchor information comes from the
 * trusted source), so the copy can neither lift the anchor's pathLenConstraint nor renew an expired anchor —
 * for a --trust file anchor as for a trusted-list one.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert } from '../support/pki';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { buildChain } from '../../electron/core/verify/chain';
import { checkSignerCertificate } from '../../electron/core/verify/signer-checks';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';
import { signAndVerify } from './support/chain-verify';

const fx = inject('fixture');
let dir = '';
let input = '';
let pki: ChainPki;
/** the anchor: pathLenConstraint 0 (issued by the test root, trusted directly) */
let anchor: IssuedCert;
let ca: IssuedCert;
let leaf: IssuedCert;
/** the anchor's name and key, no pathLenConstraint, 9000 days, signed by an unrelated key */
let copy: IssuedCert;

const run = (args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
const parsed = (c: IssuedCert) => parseCert(new Uint8Array(readFileSync(c.certDer))) as ParsedCert;

/** a certificate with `of`'s subject and public key, CA without pathLen, issued by a throwaway key */
function lookalike(of: IssuedCert, cn: string, name: string): IssuedCert {
  run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}-att.key`]);
  run([
    'req',
    '-new',
    '-x509',
    '-key',
    `${name}-att.key`,
    '-subj',
    '/CN=attacker',
    '-out',
    `${name}-att.pem`,
  ]);
  run(['x509', '-in', of.certPem, '-noout', '-pubkey', '-out', `${name}.pub`]);
  run(['req', '-new', '-key', `${name}-att.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`]);
  writeFileSync(join(dir, `${name}.ext`), `${CA_EXT.join('\n')}\n`);
  const ca = ['-CA', `${name}-att.pem`, '-CAkey', `${name}-att.key`, '-force_pubkey', `${name}.pub`];
  run([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    ...ca,
    '-extfile',
    `${name}.ext`,
    '-days',
    '9000',
    '-set_serial',
    '77',
    '-out',
    `${name}.pem`,
  ]);
  run(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`]);
  return {
    name,
    keyPem: join(dir, `${name}-att.key`),
    certPem: join(dir, `${name}.pem`),
    certDer: join(dir, `${name}.der`),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'anchor-copy-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'Contratto: 1000 EUR\n');
  pki = await startChainPki(dir);
  anchor = pki.issue('pl0-anchor', pki.root, [
    'basicConstraints = critical,CA:true,pathlen:0',
    CA_EXT[1] as string,
  ]);
  ca = pki.issue('pl0-ca', anchor, CA_EXT);
  leaf = pki.issue('pl0-leaf', ca, LEAF_EXT);
  copy = lookalike(anchor, 'pl0-anchor', 'pl0-copy');
});

afterAll(() => pki.close());

describe('a file copy of the trust anchor', () => {
  it('does not lift the trusted anchor’s pathLenConstraint', async () => {
    const plain = await signAndVerify(pki, input, leaf, [ca], anchor);
    expect(plain.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    const s = await signAndVerify(pki, input, leaf, [ca, copy], anchor);
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    // the anchor reported is the trusted certificate, not the file's copy
    const top = s.chain[s.chain.length - 1];
    expect(top?.fingerprintSha256).toBe(parsed(anchor).fingerprint);
    expect(top?.trustAnchor).toBe(true);
  });

  it('does not renew an expired trusted anchor', async () => {
    // anchor → signer directly: only the anchor's own dates are checked above the signer
    const signer = pki.issue('exp-leaf', pki.root, LEAF_EXT);
    const rootCopy = lookalike(pki.root, 'Chain Test Root', 'root-copy');
    const trust = new TrustStore([{ der: parsed(pki.root).der, source: 'file:root' }]);
    const later = new Date(Date.now() + 40 * 86_400_000); // the root (30 days) has expired, the copy has not
    const pool = [parsed(signer), parsed(rootCopy), parsed(pki.root)];
    const checks = await checkSignerCertificate(parsed(signer), ['sha256'], {
      pool,
      trust,
      now: later,
      signingTime: later,
    });
    expect(checks.chainFound).toBe(true);
    expect(checks.chain[1]?.fingerprintSha256).toBe(parsed(pki.root).fingerprint);
    expect(checks.caOutOfBounds).toBe(true);
  });

  it('does not stand for a trusted-list anchor either', () => {
    const tl = new TrustStore([
      {
        der: parsed(anchor).der,
        source: 'tl:XX',
        qualified: true,
        periods: [{ from: new Date('2000-01-01T00:00:00Z'), qualified: true }],
      },
    ]);
    const pool = [parsed(leaf), parsed(ca), parsed(copy)];
    const built = buildChain(parsed(leaf), pool, tl, new Date());
    expect(built.anchor?.source).toBe('tl:XX');
    expect(built.failure?.rule).toBe('pathLen');
    expect(built.certs[built.certs.length - 1]?.fingerprint).toBe(parsed(anchor).fingerprint);
  });
});
