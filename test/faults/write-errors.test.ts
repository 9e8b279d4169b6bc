/**
 * Write errors through the CLI: disk full (a 1 MiB tmpfs), read-only folder (tmpfs remounted ro), permission
 * denied (run as `nobody`: root ignores modes), output "folder" that is a file — each a clear error code in
 * the JSON, nothing left behind in the target folder, the input untouched. Mounting needs root (the build
 * machine runs the tests as root); without it the disk-full and read-only cases say so and check the
 * fallback: the output folder that is a file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLI, runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { sha256 } from './support/kill-run';

const fx = inject('fixture');

function tryMount(dir: string, opts: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

function errorCodes(stdout: string): string[] {
  const r = JSON.parse(stdout) as { error?: { code: string } }[];
  return r.map((x) => x.error?.code ?? 'OK');
}

describe('write errors', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let input: string;
  let p7m: string;
  const mounts: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'write-errors-'));
    chmodSync(dir, 0o755);
    env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PKCS11_MODULE: fx.module, SIGILLO_PIN: PIN };
    input = join(dir, 'fattura.bin');
    execFileSync('openssl', ['rand', '-out', input, String(3 << 20)]);
    chmodSync(input, 0o644);
    const made = await runCli(['sign', '--format', 'cades', input], env);
    expect(made.code, made.stderr).toBe(0);
    p7m = `${input}.p7m`;
    chmodSync(p7m, 0o644);
  });

  afterAll(() => {
    for (const m of mounts) spawnSync('umount', ['-l', m]);
  });

  it('disk full: DISK_FULL for sign and extract, no file left in the folder, input intact', async () => {
    const full = join(dir, 'full');
    if (!tryMount(full, 'size=1m')) {
      console.warn('mount not permitted: disk full is covered by test/files (ENOSPC mapping) only');
      writeFileSync(join(dir, 'full-file'), 'x');
      const r = await runCli(['sign', '--json', '--out', join(dir, 'full-file'), input], env);
      expect(r.code).toBe(1);
      return;
    }
    mounts.push(full);
    const before = sha256(input);
    const s = await runCli(['sign', '--json', '--format', 'cades', '--out', full, input], env);
    expect(s.code).toBe(1);
    expect(errorCodes(s.stdout)).toEqual(['DISK_FULL']);
    const x = await runCli(['extract', '--json', '--out', full, p7m]);
    expect(x.code).toBe(1);
    expect(x.stdout).toContain('DISK_FULL');
    expect(readdirSync(full)).toEqual([]);
    expect(sha256(input)).toBe(before);
  });

  it('read-only folder: READ_ONLY, nothing written', async () => {
    const ro = join(dir, 'ro');
    if (!tryMount(ro, 'size=8m')) {
      console.warn('mount not permitted: read-only folder not simulated');
      expect(readdirSync(dir)).toContain('fattura.bin');
      return;
    }
    mounts.push(ro);
    execFileSync('mount', ['-o', 'remount,ro', ro]);
    const s = await runCli(['sign', '--json', '--format', 'cades', '--out', ro, input], env);
    expect(s.code).toBe(1);
    expect(errorCodes(s.stdout)).toEqual(['READ_ONLY']);
    expect(s.stdout).toMatch(/read-only/);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('permission denied (as nobody): PERMISSION_DENIED, nothing written', () => {
    // outside the fixture folder (mode 700): nobody must be able to reach the input and the folder
    const open = mkdtempSync(join(tmpdir(), 'sigillo-perm-'));
    chmodSync(open, 0o755);
    const copy = join(open, 'fattura.bin.p7m');
    copyFileSync(p7m, copy);
    chmodSync(copy, 0o644);
    const locked = join(open, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    const r = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        CLI,
        'extract',
        '--json',
        '--out',
        locked,
        p7m,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent', SIGILLO_LANG: 'en' } },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('PERMISSION_DENIED');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(locked)).toEqual([]);
    rmSync(open, { recursive: true, force: true });
  });

  it('an output "folder" that is a file: OUTPUT_DIR_NOT_FOUND, exit 1, nothing written', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = await runCli(['sign', '--json', '--out', file, input], env);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('OUTPUT_DIR_NOT_FOUND');
  });
});
