/**
 * A p7m stuffed with hundreds of self-issued certificates that all carry the trusted root's name and one
 * attacker key (so each one issued every other: their signature checks are memoised and cost no budget), and
 * signers issued by that key: the chain search must end quickly with NO_CERTIFICATE_CHAIN_FOUND — it sorted the
 * whole pool at every step, asking the trust store (a key export each time) twice per comparison: 60 s for 499.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { integer } from '../../electron/core/cms/der';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import type { IssuedCert } from '../support/pki';
import { LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';
import { opensslCmsSign } from './support/openssl-cms';
import { pemOf, resign } from './support/cert-edit';

const fx = inject('fixture');
const LOOK_ALIKES = 300;
const SIGNERS = 4;
let dir = '';
let pki: ChainPki;

const openssl = (args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'lookalike-web-'));
  pki = await startChainPki(dir);
});

afterAll(() => pki.close());

describe('a web of self-issued look-alikes of the trusted root', () => {
  it(`${LOOK_ALIKES} of them and ${SIGNERS} signers: no chain, in a bounded time`, async () => {
    const key = join(dir, 'attacker.key');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
    const template = join(dir, 'lookalike.pem');
    const ca = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'];
    openssl(['req', '-new', '-x509', '-key', key, '-subj', '/CN=Chain Test Root', ...ca, '-out', template]);
    openssl(['x509', '-in', template, '-outform', 'DER', '-out', `${template}.der`]);
    const base = new Uint8Array(readFileSync(`${template}.der`));
    const pool = join(dir, 'pool.pem');
    // copies with serials 1…N after the [0] version, each signed again with the attacker key
    writeFileSync(
      pool,
      Array.from({ length: LOOK_ALIKES }, (_, i) =>
        pemOf(resign(base, key, (p) => [p[0]!, integer(i + 1), ...p.slice(2)])),
      ).join(''),
    );
    const attacker: IssuedCert = { name: 'lookalike', keyPem: key, certPem: template, certDer: '' };
    const signers = Array.from({ length: SIGNERS }, (_, i) => pki.issue(`victim-${i}`, attacker, LEAF_EXT));
    const input = join(dir, 'doc.txt');
    writeFileSync(input, 'documento\n');
    const more = signers.slice(1).flatMap((s) => ['-signer', s.certPem, '-inkey', s.keyPem]);
    const out = join(dir, 'doc.p7m');
    opensslCmsSign({
      input,
      out,
      signer: signers[0]!,
      certfile: pool,
      flags: ['-nodetach', ...more],
    });
    const trust = new TrustStore(await readTrustFile(pki.root.certPem));
    const start = performance.now();
    const { signatures: reports, error } = await verifyFile(out, { trust });
    const ms = performance.now() - start;
    expect(error).toBeNull();
    expect(reports).toHaveLength(SIGNERS);
    for (const s of reports) expect(s.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(ms).toBeLessThan(6000); // 181 s before (one search sorted the pool at every step)
  }, 60_000);
});
