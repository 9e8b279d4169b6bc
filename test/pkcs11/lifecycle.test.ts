import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PIN } from '../support/fixture';

// runs the BUILT service (npm run build first) in a child process: it must exit by itself after close()
const fx = inject('fixture');
const service = join(__dirname, '..', '..', 'dist', 'electron', 'core', 'pkcs11', 'pkcs11-service.js');

const script = `
const { Pkcs11Service } = require(${JSON.stringify(service)});
(async () => {
  const svc = Pkcs11Service.open(process.argv[1]);
  const tokens = svc.listTokens();
  const pin = Buffer.from(process.env.TEST_PIN);
  const s = svc.login(undefined, pin);
  pin.fill(0);
  const sig = await s.signer().sign('sha256', Buffer.from('x'));
  s.logout();
  svc.close();
  process.stdout.write(JSON.stringify({ tokens: tokens.length, sig: sig.length }));
})();
`;

describe('module lifecycle', () => {
  it('a process lists, logs in, signs, logs out, closes and exits on its own', () => {
    const r = spawnSync(process.execPath, ['-e', script, fx.module], {
      env: { PATH: process.env.PATH, SOFTHSM2_CONF: fx.singleConf, TEST_PIN: PIN },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ tokens: 1, sig: 256 });
  });
});
