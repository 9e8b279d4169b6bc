/** `sigillo timestamp` against a failing or locked TSA: usage errors, credentials from the environment only, faults. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { startTsaServer } from '../support/tsa-server';
import { useTsa } from './support/ltv-fixture';

const svc = useTsa('sigillo-ts-faults-');

describe('sigillo timestamp: TSA problems and credentials', () => {
  it('without a TSA it is a usage error (exit 2); SIGILLO_TSA_URL is used when --tsa is absent', async () => {
    const d = svc.fresh('nourl');
    const file = join(d, 'a.txt');
    writeFileSync(file, 'a');
    const r = await runCli(['timestamp', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SIGILLO_TSA_URL/);
    const e = await runCli(['timestamp', '--json', file], { SIGILLO_TSA_URL: svc.tsa.url });
    expect(e.code, e.stderr).toBe(0);
  });

  it('HTTP Basic credentials come from the environment and never show up in output', async () => {
    const locked = await startTsaServer({ pki: svc.pki, user: 'utente', password: 'Pa55-segreta' });
    try {
      const d = svc.fresh('auth');
      const file = join(d, 'a.txt');
      writeFileSync(file, 'a');
      const env = { SIGILLO_TSA_USER: 'utente', SIGILLO_TSA_PASSWORD: 'Pa55-segreta' };
      const ok = await runCli(['timestamp', '--json', '--tsa', locked.url, file], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(locked.authorizations.at(-1)).toBe(
        'Basic ' + Buffer.from('utente:Pa55-segreta').toString('base64'),
      );
      const bad = await runCli(['timestamp', '--json', '--overwrite', '--tsa', locked.url, file], {
        ...env,
        SIGILLO_TSA_PASSWORD: 'sbagliata',
      });
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.stdout)[0].error.code).toBe('TSA_AUTH_FAILED');
      for (const s of [ok.stdout, ok.stderr, bad.stdout, bad.stderr]) expect(s).not.toMatch(/Pa55|sbagliata/);
    } finally {
      await locked.close();
    }
  });

  it('a failing TSA (500, slow) gives a clear error in bounded time and no output file', async () => {
    const d = svc.fresh('faults');
    const file = join(d, 'a.txt');
    writeFileSync(file, 'a');
    svc.tsa.mode = 'http500';
    try {
      const r = await runCli(['timestamp', '--json', '--tsa', svc.tsa.url, file]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)[0].error).toMatchObject({ code: 'TSA_HTTP_ERROR' });
      expect(JSON.parse(r.stdout)[0].error.message).toMatch(/HTTP 500/);
      svc.tsa.mode = 'slow';
      const start = Date.now();
      const s = await runCli(['timestamp', '--tsa', svc.tsa.url, file], { SIGILLO_TSA_TIMEOUT: '1' });
      expect(s.code).toBe(1);
      expect(s.stderr).toMatch(/did not answer within 1 seconds/);
      expect(Date.now() - start).toBeLessThan(8000);
    } finally {
      svc.tsa.mode = 'ok';
    }
    expect(readdirSync(d)).toEqual(['a.txt']);
  });
});
