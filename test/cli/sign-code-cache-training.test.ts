/**
 * The `sign` run of the CLI's code-cache training (build/scripts/train-code-cache.js, issue 22): the build has no
 * token, so the run goes as far as it can without one. It must reach the PKCS#11 layer (exit 1 on the missing
 * module it names, not a usage error), load no module, write nothing (its output folder stays empty, the training
 * PDF unchanged, no file in the private HOME but the cache the run was asked for), and add the code it compiled to
 * the cache (a cache trained with it is bigger than one trained without it, and the bin uses it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from './support/cli-copy';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'electron', 'cli');
const RUN = join(ROOT, 'build', 'scripts', 'code-cache-run.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const train = require(join(ROOT, 'build', 'scripts', 'train-code-cache.js')) as {
  BUNDLE: string;
  training: string;
  trainingEnv: (home: string) => NodeJS.ProcessEnv;
  signTraining: (home: string) => { words: string[]; env: NodeJS.ProcessEnv; check(): void };
};

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('code-cache training: the sign run without a token', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'sigillo-sign-training-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  /** one training run (as the build does it), from cache `from` (or none) into `out` */
  function trainRun(words: string[], env: NodeJS.ProcessEnv, from: string, out: string) {
    return spawnSync(process.execPath, [RUN, train.BUNDLE, from, out, ...words], {
      env: { ...train.trainingEnv(home), ...env, SIGILLO_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  it('reaches the PKCS#11 layer, loads no module, writes nothing but its cache', () => {
    const sign = train.signTraining(home);
    expect(sign.env.SIGILLO_PKCS11_MODULE?.startsWith(home)).toBe(true);
    expect(sign.env.SIGILLO_PIN).toBeUndefined();
    const pdf = sign.words[sign.words.length - 1] as string;
    const pdfBefore = { hash: sha(pdf), files: snapshot(train.training) };
    const before = snapshot(home);
    const r = trainRun(sign.words, sign.env, '-', join(home, 'sign.cache'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(sign.env.SIGILLO_PKCS11_MODULE);
    expect(r.stderr).toContain('does not exist');
    expect(r.stdout).toBe('');
    expect(readdirSync(join(home, 'signed'))).toEqual([]);
    expect(() => sign.check()).not.toThrow();
    expect({ hash: sha(pdf), files: snapshot(train.training) }).toEqual(pdfBefore);
    const after = snapshot(home).filter((l) => !l.startsWith(join(home, 'sign.cache ')));
    expect(after).toEqual(before);
    expect(statSync(join(home, 'sign.cache')).size).toBeGreaterThan(0);
  });

  it('adds the code it compiled: bigger than a cache trained without it; the bin uses the built one', () => {
    const first = join(home, 'v.cache');
    expect(trainRun(['--version'], {}, '-', first).status).toBe(0);
    const again = join(home, 'vv.cache');
    expect(trainRun(['--version'], {}, first, again).status).toBe(0);
    const sign = train.signTraining(join(mkdtempSync(join(home, 'h-'))));
    const withSign = join(home, 'vs.cache');
    expect(trainRun(sign.words, sign.env, first, withSign).status).toBe(1);
    // graphene-pk11, the sign command and the batch code: hundreds of KB of compiled code more
    expect(statSync(withSign).size - statSync(again).size).toBeGreaterThan(100 * 1024);
    const bin = spawnSync(process.execPath, [join(CLI, 'sigillo.js'), 'sign', '--help'], {
      env: { ...train.trainingEnv(home), SIGILLO_DEBUG_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    expect(bin.stderr).toContain('sigillo: code cache used');
  });
});
