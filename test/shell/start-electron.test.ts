/**
 * `npm start` without network (build/scripts/start-electron.js): the download fails → one short message, in the
 * user's language, that says what failed and offers `npm run harness`; no stack trace. A fake electron package
 * (SIGILLO_ELECTRON_DIR) stands for the real one: its install.js fails as @electron/get does offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(__dirname, '..', '..', 'build', 'scripts', 'start-electron.js');
const dir = mkdtempSync(join(tmpdir(), 'sigillo-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeElectron(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

function start(electronDir: string, lang = 'en_US.UTF-8') {
  return spawnSync(process.execPath, [SCRIPT], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SIGILLO_ELECTRON_DIR: electronDir, LANG: lang },
    timeout: 30_000,
  });
}

// what @electron/get prints offline: the error's stack
const OFFLINE_INSTALL = `console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (/x/got/index.js:1:1)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
process.exit(1);`;

describe('npm start', () => {
  it('offline first start: one short message with the reason and npm run harness, no stack', () => {
    const r = start(fakeElectron('offline', { 'install.js': OFFLINE_INSTALL }));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'Sigillo: could not download the Electron runtime (the first start needs the network): getaddrinfo ENOTFOUND github.com.',
    );
    expect(lines[1]).toContain('npm run harness');
    expect(r.stderr).not.toMatch(/\bat /);
    expect(r.stdout).toContain('first start only');
  });

  it('in Italian when the system speaks it', () => {
    const r = start(fakeElectron('offline-it', { 'install.js': OFFLINE_INSTALL }), 'it_IT.UTF-8');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('impossibile scaricare il runtime di Electron');
    expect(r.stderr).toContain('npm run harness');
  });

  it('a runtime that cannot start (binary missing) says so, also without a stack', () => {
    const d = fakeElectron('broken', {
      'path.txt': 'electron',
      'index.js': "module.exports = require('node:path').join(__dirname, 'dist', 'electron');",
      'package.json': '{"name":"electron","main":"index.js"}',
    });
    const r = start(d);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^Sigillo: could not start Electron: spawn .*ENOENT\.$/);
    expect(r.stderr).toContain('npm run harness');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
