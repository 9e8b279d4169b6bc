/**
 * The cached-revocation input of the code-cache trainings (build/scripts/training-revocation.js, issue 22): the
 * training .p7m verifies --offline with a good status read from the private HOME's revocation cache once the
 * training has put its OCSP answer there (and only then: without it the status is not a cached good one), the
 * answer is the responder's for that signer (checked by openssl), nothing is written outside that HOME, and the
 * training's check refuses every output that did not reach that path.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from './support/cli-copy';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'electron', 'cli', 'sigillo.js');
/* eslint-disable @typescript-eslint/no-require-imports */
const rev = require(join(ROOT, 'build', 'scripts', 'training-revocation.js')) as {
  OCSP_P7M: string;
  OCSP_ROOT: string;
  seedRevocationCache(env: NodeJS.ProcessEnv): void;
  checkCachedRevocation(json: string, who: string): void;
};
const train = require(join(ROOT, 'build', 'scripts', 'train-code-cache.js')) as {
  training: string;
  trainingEnv: (home: string) => NodeJS.ProcessEnv;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('code-cache training: the cached-revocation input', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'sigillo-revocation-training-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const verify = (env: NodeJS.ProcessEnv) =>
    spawnSync(
      process.execPath,
      [BIN, 'verify', '--json', '--offline', '--trust', rev.OCSP_ROOT, rev.OCSP_P7M],
      {
        env: { ...env, SIGILLO_LANG: 'en' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('the answer is the responder’s good status for the signer (openssl)', () => {
    const out = execFileSync(
      'openssl',
      [
        'ocsp',
        '-respin',
        join(train.training, 'ocsp-fattura.ocsp.der'),
        '-issuer',
        rev.OCSP_ROOT,
        '-cert',
        join(train.training, 'ocsp-signer.pem'),
        '-CAfile',
        rev.OCSP_ROOT,
        '-no_nonce',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toMatch(/: good/);
  });

  it('without the answer in the cache the check refuses the run; with it, good from the cache', () => {
    const env = train.trainingEnv(join(home, 'a'));
    const before = verify(env);
    expect(() => rev.checkCachedRevocation(before.stdout, 'test')).toThrow(/did not verify/);
    const sigBefore = JSON.parse(before.stdout)[0].signatures[0];
    expect(sigBefore.revocation?.cached === true && sigBefore.revocation?.status === 'good').toBe(false);

    const training = snapshot(train.training);
    rev.seedRevocationCache(env);
    expect(readdirSync(join(home, 'a', 'config', 'Sigillo', 'revocation-cache')).length).toBe(2);
    const after = verify(env);
    expect(after.status).toBe(0);
    expect(() => rev.checkCachedRevocation(after.stdout, 'test')).not.toThrow();
    const sig = JSON.parse(after.stdout)[0].signatures[0];
    expect(sig.indication).toBe('TOTAL_PASSED');
    expect(sig.revocation).toMatchObject({ status: 'good', source: 'ocsp', cached: true });
    expect(snapshot(train.training)).toEqual(training);
  });

  it('the check refuses outputs that are not a cached good status of that file', () => {
    const report = (revocation: unknown, file = rev.OCSP_P7M, indication = 'TOTAL_PASSED') =>
      JSON.stringify([{ file, error: null, signatures: [{ indication, revocation }] }]);
    const good = { status: 'good', cached: true };
    expect(() => rev.checkCachedRevocation(report(good), 't')).not.toThrow();
    expect(() => rev.checkCachedRevocation(report({ ...good, cached: false }), 't')).toThrow();
    expect(() => rev.checkCachedRevocation(report({ status: 'unknown', cached: true }), 't')).toThrow();
    expect(() => rev.checkCachedRevocation(report(null), 't')).toThrow();
    expect(() => rev.checkCachedRevocation(report(good, '/elsewhere.p7m'), 't')).toThrow();
    expect(() => rev.checkCachedRevocation(report(good, rev.OCSP_P7M, 'INDETERMINATE'), 't')).toThrow();
    expect(() => rev.checkCachedRevocation('[\n{', 't')).toThrow();
    expect(() => rev.checkCachedRevocation('', 't')).toThrow();
  });
});
