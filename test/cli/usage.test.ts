/**
 * Usage errors are short, in the user's language, with a "did you mean"; group help (`pin`, `trust`) works;
 * `verify` / `extract` help name every format; the CLI adds the option hint the core's messages leave out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { closest, editDistance } from '../../electron/cli/did-you-mean';

const dir = mkdtempSync(join(tmpdir(), 'sigillo-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (s: string) => s.trim().split('\n').length;

describe('did you mean', () => {
  it('Levenshtein distance and the nearest word within two edits', () => {
    expect(editDistance('verfy', 'verify')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('--ofline', ['--offline', '--trust'])).toBe('--offline');
    expect(closest('--xyzzy', ['--offline', '--trust'])).toBeUndefined();
    expect(closest('ab', ['cd'])).toBeUndefined(); // two edits on a two-letter word is no suggestion
  });
});

describe('usage errors', () => {
  it('an unknown option: short, in Italian, with the close option and the help command', async () => {
    const r = await runCli(['verify', '--ofline', 'x.p7m'], { SIGILLO_LANG: 'it' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Opzione sconosciuta: --ofline.');
    expect(r.stderr).toContain('Forse intendevi «--offline»?');
    expect(r.stderr).toContain("'sigillo verify --help'");
    expect(lines(r.stderr)).toBeLessThanOrEqual(3);
    expect(r.stderr).not.toMatch(/Unknown option|To specify/); // not node's English parser text
  });
  it('the same in English', async () => {
    const r = await runCli(['sign', '--tokn', 'CNS', 'a.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown option: --tokn. Did you mean "--token"?');
    expect(lines(r.stderr)).toBeLessThanOrEqual(3);
  });
  it('an option without its value, a value given to a flag, an argument where none is taken', async () => {
    const a = await runCli(['verify', 'x.p7m', '--report']);
    expect(a.stderr).toContain('Option --report needs a value.');
    const b = await runCli(['verify', '--offline=yes', 'x.p7m'], { SIGILLO_LANG: 'it' });
    expect(b.stderr).toContain("L'opzione --offline non vuole un valore.");
    const c = await runCli(['trust', 'status', 'extra']);
    expect(c.stderr).toContain('Unexpected argument: extra');
    for (const r of [a, b, c]) {
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toBeLessThanOrEqual(3);
    }
  });
  it('an unknown command offers the nearest one, without the full command list', async () => {
    const r = await runCli(['verfy', 'a.p7m'], { SIGILLO_LANG: 'it' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Comando sconosciuto: verfy a.p7m.');
    expect(r.stderr).toContain('«verify»');
    expect(lines(r.stderr)).toBeLessThanOrEqual(3);
    const p = await runCli(['pin', 'chnage']);
    expect(p.stderr).toContain('Did you mean "pin change"?');
  });
  it('a missing file argument is short too', async () => {
    const r = await runCli(['extract']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Give at least one file.');
    expect(lines(r.stderr)).toBeLessThanOrEqual(3);
  });
});

describe('help', () => {
  it('sigillo pin --help and sigillo trust --help list their commands (exit 0)', async () => {
    const pin = await runCli(['pin', '--help'], { SIGILLO_LANG: 'it' });
    expect(pin.code).toBe(0);
    expect(pin.stdout).toContain('sigillo pin change');
    expect(pin.stdout).toContain('sigillo pin unblock');
    const trust = await runCli(['trust', '-h']);
    expect(trust.code).toBe(0);
    expect(trust.stdout).toContain('sigillo trust update');
    expect(trust.stdout).toContain('sigillo trust status');
    const bare = await runCli(['pin']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("'sigillo pin' needs a command: change, unblock.");
  });
  it('verify and extract help name every format they handle', async () => {
    const v = await runCli(['verify', '--help']);
    for (const f of [
      'PDF',
      'PAdES',
      '.p7m',
      '.p7s',
      'XAdES',
      'FatturaPA',
      'ASiC-E',
      'ASiC-S',
      '.asice',
      '.tsd',
      '.m7m',
      '.tsr',
    ])
      expect(v.stdout).toContain(f);
    const x = await runCli(['extract', '--help'], { SIGILLO_LANG: 'it' });
    for (const f of ['.p7m', 'PDF', 'ASiC-E', '.asics', '.tsd', '.m7m', '--signature'])
      expect(x.stdout).toContain(f);
  });
});

describe('option hints: the core says the fact, the CLI names the option', () => {
  it('an existing report output: the message adds --overwrite in the CLI only', async () => {
    const input = join(dir, 'a.p7m');
    const report = join(dir, 'r.pdf');
    writeFileSync(input, 'not a signature');
    writeFileSync(report, 'already here');
    const r = await runCli(['verify', '--json', '--offline', '--no-tsl', '--report', report, input]);
    expect(r.code).toBe(1);
    const err = (JSON.parse(r.stdout) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('OUTPUT_EXISTS');
    expect(err.message).toMatch(/already exists: not overwriting it\. Use --overwrite to replace it\.$/);
  });
});
