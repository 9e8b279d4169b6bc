/**
 * The CLI as a process facing hostile surroundings: a folder with nothing to verify is a failure, output to a
 * closed pipe ends quietly, a FIFO as --content is refused at once, a SIGKILLed verify of a nested p7m leaves a
 * spool file the next run sweeps, and a 250-byte file name still verifies and extracts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CLI, runCli } from '../support/cli';
import { opensslCmsSign } from '../verify/support/openssl-cms';

const fx = inject('fixture');
const base = mkdtempSync(join(fx.root, 'hostile-cli-'));
let n = 0;
const fresh = (): string => mkdtempSync(join(base, `t${n++}-`));
const verifyArgs = ['verify', '--json', '--offline', '--no-tsl'];

/** `input` signed, then the p7m signed again: a nested p7m */
function nested(input: string): string {
  const inner = `${input}.p7m`;
  opensslCmsSign({ input, out: inner, signer: fx.pki.signature, flags: ['-nodetach', '-stream'] });
  const outer = `${inner}.p7m`;
  opensslCmsSign({ input: inner, out: outer, signer: fx.pki.signature, flags: ['-nodetach', '-stream'] });
  return outer;
}

describe('verify of a folder with nothing to verify', () => {
  it('says so and exits 1 (text and JSON)', async () => {
    const d = fresh();
    writeFileSync(join(d, 'notes.txt'), 'not a signature');
    const text = await runCli(['verify', '--offline', '--no-tsl', d]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/No file to verify/);
    const json = await runCli([...verifyArgs, d]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error.code).toBe('NOTHING_TO_VERIFY');
  });
});

describe('output to a closed pipe', () => {
  it('verify --json | head -1: ends quietly with 141, no EPIPE stack trace', async () => {
    const d = fresh();
    for (let i = 0; i < 1500; i++) writeFileSync(join(d, `f${i}.p7m`), `not a signature ${i}`);
    const child = spawn(process.execPath, [CLI, ...verifyArgs, d], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(141);
  });
});

describe('a FIFO where a file is expected', () => {
  it('--content FIFO: INPUT_NOT_REGULAR at once, exit 1', async () => {
    const d = fresh();
    const doc = join(d, 'doc.txt');
    writeFileSync(doc, 'x');
    const p7s = join(d, 'doc.p7s');
    opensslCmsSign({ input: doc, out: p7s, signer: fx.pki.signature, flags: [] });
    const fifo = join(d, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = await runCli([...verifyArgs, '--content', fifo, p7s]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('INPUT_NOT_REGULAR');
  });
});

describe('nested p7m spool files', () => {
  it('a SIGKILLed verify leaves its spool in <data>/tmp; the next run sweeps it', async () => {
    const d = fresh();
    const data = join(d, 'data');
    const spool = join(data, 'tmp');
    mkdirSync(spool, { recursive: true });
    const big = join(d, 'big.bin');
    writeFileSync(big, randomBytes(200 * 1024 * 1024));
    const outer = nested(big);
    // the one-pass reader needs no spool; the spooled path (its fallback, and the path without speed-ups) does
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SIGILLO_DATA_DIR: data,
      SIGILLO_NO_FAST: '1',
    };
    const child = spawn(process.execPath, [CLI, ...verifyArgs, outer], { env, stdio: 'ignore' });
    const seen = await new Promise<boolean>((resolve) => {
      const w = watch(spool, () => {
        if (readdirSync(spool).length === 0) return;
        child.kill('SIGKILL');
        w.close();
        resolve(true);
      });
      child.on('close', () => {
        w.close();
        resolve(false);
      });
    });
    await new Promise((resolve) => (child.exitCode !== null ? resolve(0) : child.on('close', resolve)));
    expect(seen).toBe(true);
    const left = readdirSync(spool);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.nested\.p7m\.sigillo-[0-9a-f]{16}\.tmp$/);

    const small = join(d, 'small.txt');
    writeFileSync(small, 'x');
    const r = await runCli([...verifyArgs, nested(small)], { SIGILLO_DATA_DIR: data });
    expect(r.stdout).toContain('"depth": 1');
    expect(readdirSync(spool)).toEqual([]);
  }, 60_000);
});

describe('names close to NAME_MAX', () => {
  it('a 250-byte nested p7m name verifies, and extracts to its 246-byte name', async () => {
    const d = fresh();
    const content = join(d, 'a'.repeat(242));
    writeFileSync(content, 'contenuto');
    const p7m = nested(content); // 242 + 2×4 = 250 bytes
    expect(Buffer.byteLength(p7m.slice(d.length + 1))).toBe(250);
    const data = join(d, 'data');
    const v = await runCli([...verifyArgs, p7m], { SIGILLO_DATA_DIR: data });
    const [report] = JSON.parse(v.stdout);
    expect(report.error).toBeNull();
    expect(report.signatures.map((s: { depth: number }) => s.depth)).toEqual([0, 1]);
    const out = join(d, 'out');
    mkdirSync(out);
    const x = await runCli(['extract', '--json', '--out', out, p7m], { SIGILLO_DATA_DIR: data });
    expect(JSON.parse(x.stdout)[0].error).toBeNull();
    expect(readFileSync(join(out, 'a'.repeat(242)), 'utf8')).toBe('contenuto');
    expect(readdirSync(out)).toHaveLength(1);
  });
});
