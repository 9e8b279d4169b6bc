/**
 * An offline verification never loads Node's HTTP stack (issue 22, the batch's fixed cost): `http-fetch.ts`
 * requires node:http / node:https on its first request only, so `sigillo verify --offline` of a p7m, which
 * never fetches, does not pay ~10 ms (and each verifier thread as much) for http, https and tls.
 * That the client still fetches: test/faults/network-faults.test.ts (the module) and test/cli/verify.test.ts
 * (live OCSP through the built CLI bundle, where an `import()` of a built-in would fail).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';

const fx = inject('fixture');

/** At exit, the built-in modules the main thread loaded (Node's own list, independent of the CLI's code). */
const PRELOAD = `
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.BUILTINS_OUT, JSON.stringify(process.moduleLoadList));
});
`;

describe('offline verify and the HTTP stack', () => {
  let dir: string;
  let preload: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'offline-no-http-'));
    preload = join(dir, 'preload.js');
    writeFileSync(preload, PRELOAD);
  });

  async function builtinsOf(args: string[]): Promise<{ loaded: string[]; stdout: string }> {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    const r = await runCli(args, {
      NODE_OPTIONS: `--require ${preload}`,
      BUILTINS_OUT: out,
      XDG_CONFIG_HOME: join(dir, 'config'),
    });
    expect(r.stderr).not.toMatch(/Error:/);
    return { loaded: JSON.parse(readFileSync(out, 'utf8')) as string[], stdout: r.stdout };
  }

  it('verify --offline of a p7m: valid, and no node:http, https or tls loaded', async () => {
    const input = join(dir, 'invoice.xml');
    writeFileSync(input, '<?xml version="1.0"?><a>fattura</a>\n');
    const s = await runCli(['sign', '--module', fx.module, '--format', 'cades', input], {
      SOFTHSM2_CONF: fx.singleConf,
      SIGILLO_PIN: PIN,
    });
    expect(s.code, s.stderr).toBe(0);
    const v = await builtinsOf(['verify', '--json', '--offline', '--trust', fx.pki.chainPem, `${input}.p7m`]);
    const report = JSON.parse(v.stdout) as { format: string; signatures: { integrity: string }[] }[];
    expect(report[0]!.format).toBe('cades');
    expect(report[0]!.signatures[0]!.integrity).toBe('valid');
    // the list is really Node's: the verifier's own built-ins are in it
    expect(v.loaded).toContain('NativeModule crypto');
    // (net is there when stdout is a pipe: process.stdout is then a net.Socket)
    for (const m of ['http', 'https', 'tls']) expect(v.loaded).not.toContain(`NativeModule ${m}`);
  });
});
