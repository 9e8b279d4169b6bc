/**
 * Per-run caches of a batch (issue 22: parsed certificates, certificate info, issuer-signature checks, chains)
 * are keyed by the certificates' bytes, never by their names: an impostor certificate with the real signer's
 * subject, issuer name and serial number (its own key, issued by a look-alike of the CA under the CA's name)
 * signs files in the same batch as the real signer; whichever comes first, the real signer's files pass, the
 * impostor's never do, a tampered file in the middle stays INVALID, and the reports come in input order, in
 * the run sharing one session and in the CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openVerification, verifyFiles } from '../../electron/core/validate/session';
import type { IssuedCert } from '../support/pki';
import { verifyJson } from '../support/verify-json';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
const real: string[] = [];
const fake: string[] = [];
let tampered = '';

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** a certificate with `model`'s subject (the same DER) and serial, a new key, issued by `issuer` */
function impostorOf(model: string, name: string, ext: string, issuer?: IssuedCert): IssuedCert {
  const keyPem = join(dir, `${name}.key.pem`);
  const certPem = join(dir, `${name}.pem`);
  const csr = join(dir, `${name}.csr`);
  const extFile = join(dir, `${name}.ext`);
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPem);
  openssl('x509', '-x509toreq', '-in', model, '-signkey', keyPem, '-out', csr);
  writeFileSync(extFile, ext);
  const serial = openssl('x509', '-in', model, '-noout', '-serial').trim().split('=')[1] as string;
  const signBy = issuer ? ['-CA', issuer.certPem, '-CAkey', issuer.keyPem] : ['-signkey', keyPem];
  openssl(
    'x509',
    '-req',
    '-in',
    csr,
    ...signBy,
    '-set_serial',
    `0x${serial}`,
    '-days',
    '30',
    '-extfile',
    extFile,
    '-out',
    certPem,
  );
  return { name, keyPem, certPem, certDer: certPem };
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'batch-keys-'));
  const lookAlikeCa = impostorOf(
    fx.pki.caPem,
    'fake-ca',
    'basicConstraints = critical, CA:true\nkeyUsage = critical, keyCertSign, cRLSign\n',
  );
  const impostor = impostorOf(
    fx.pki.signature.certPem,
    'impostor',
    'basicConstraints = critical, CA:false\nkeyUsage = critical, nonRepudiation, digitalSignature\n',
    lookAlikeCa,
  );
  const subject = (p: string) => openssl('x509', '-in', p, '-noout', '-subject', '-issuer', '-serial');
  // the premise: names and serial the same, the certificates not
  expect(subject(impostor.certPem)).toBe(subject(fx.pki.signature.certPem));
  expect(readFileSync(impostor.certPem, 'utf8')).not.toBe(readFileSync(fx.pki.signature.certPem, 'utf8'));
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  const doc = (i: number) => {
    const p = join(dir, `doc${i}.xml`);
    writeFileSync(p, `<Fattura n="${i}">${'riga '.repeat(100 + i)}</Fattura>\n`);
    return p;
  };
  const sign = (i: number, signer: IssuedCert, certfile: string) => (
    opensslCmsSign({
      input: doc(i),
      out: join(batch, `f${String(i).padStart(2, '0')}.xml.p7m`),
      signer,
      certfile,
    }),
    join(batch, `f${String(i).padStart(2, '0')}.xml.p7m`)
  );
  for (let i = 0; i < 12; i++) {
    if (i % 2 === 0) real.push(sign(i, fx.pki.signature, fx.pki.caPem));
    else fake.push(sign(i, impostor, lookAlikeCa.certPem));
  }
  tampered = real[3] as string;
  const b = readFileSync(tampered);
  const at = b.indexOf('riga');
  b[at] = (b[at] as number) ^ 1;
  writeFileSync(tampered, b);
});

const verdict = (r: { signatures: { indication: string }[] }) => r.signatures[0]?.indication;

describe('batch caches keyed by certificate bytes', () => {
  for (const order of ['real signer first', 'impostor first'] as const) {
    it(`one session, ${order}: the real signer passes, the impostor never, the tampered file is INVALID`, async () => {
      const paths = order === 'real signer first' ? [...real, ...fake] : [...fake, ...real];
      const opts = await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null });
      const reports = await verifyFiles(paths, opts);
      expect(reports.map((r) => r.file)).toEqual(paths);
      for (const r of reports) {
        if (r.file === tampered) expect(r.signatures[0]?.integrity).toBe('invalid');
        else if (real.includes(r.file)) expect(r.signatures[0]?.chain.at(-1)?.trustAnchor).toBe(true);
        else {
          expect(verdict(r)).not.toBe('TOTAL_PASSED');
          expect(r.signatures[0]?.chain.some((c) => c.trustAnchor)).toBe(false);
        }
      }
      // the real signer's files (tampered one aside) all reach the same verdict as the first one verified alone
      const alone = await verifyFiles(
        [real[0] as string],
        await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null }),
      );
      for (const r of reports.filter((x) => real.includes(x.file) && x.file !== tampered)) {
        expect(verdict(r)).toBe(verdict(alone[0] as never));
      }
    });
  }

  it('the CLI over the mixed folder: input order, the same verdicts as one file at a time', async () => {
    const env = { SIGILLO_DATA_DIR: join(dir, 'data') };
    const all = await verifyJson(
      ['--offline', '--no-tsl', '--trust', fx.pki.rootPem, join(dir, 'batch')],
      env,
    );
    const names = all.files.map((f) => f.file);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(12);
    for (const f of all.files) {
      const one = await verifyJson(['--offline', '--no-tsl', '--trust', fx.pki.rootPem, f.file], env);
      expect(one.files[0]?.signatures).toEqual(f.signatures);
    }
  });
});
