/**
 * `sigillo sign` of a big PDF: the thread that hashes it is started by the entry before the program's bundle is
 * read (cli/early-work.ts, files/warm-thread.ts), seen with strace (the thread that opens the input and never
 * the temporary output was cloned before sigillo-bundle.js was opened), and the signature is the same valid one
 * (pdfsig, qpdf: expectGoodPadesAsync); the original is untouched and no temporary file is left. A big file the
 * command does not hash early (a detached CAdES signature) leaves its unused thread ended, the run as before.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { EARLY_HASH_MIN_BYTES } from '../../electron/core/files/warm-thread';
import { CLI } from '../support/cli';
import { PIN } from '../support/fixture';
import { writeBigPdf } from '../pdf/support/make-pdf';
import { makeNssDb } from '../pdf/support/nss';
import { expectGoodPadesAsync } from '../pdf/support/pades-output';

const fx = inject('fixture');
const base = mkdtempSync(join(fx.root, 'cli-early-thread-'));
let n = 0;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** `sigillo ARGS` under strace (thread creation and file opens); the exit code and the log's lines */
function tracedCli(args: string[]): { code: number | null; stdout: string; lines: string[] } {
  const log = join(base, `strace-${n++}`);
  const r = spawnSync(
    'strace',
    ['-f', '-e', 'trace=clone,clone3,openat', '-o', log, process.execPath, CLI, ...args],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SIGILLO_LANG: 'en',
        SOFTHSM2_CONF: fx.singleConf,
        SIGILLO_PIN: PIN,
        XDG_CONFIG_HOME: join(base, 'config'),
      },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: r.status, stdout: r.stdout, lines: readFileSync(log, 'latin1').split('\n') };
}

/**
 * where in the log `tid` was created: the parent's clone call, from the line it started on to the line it
 * returned `tid` on ({-1, -1} when absent). strace logs a call another thread interrupts in two lines,
 * "PID clone3(… <unfinished ...>" and later "PID <... clone3 resumed>…) = TID".
 */
function cloneLines(lines: string[], tid: number): { start: number; end: number } {
  const end = lines.findIndex((l) =>
    new RegExp(`(clone3?\\(.*|<\\.\\.\\. clone3? resumed>.*)\\) = ${tid}$`).test(l),
  );
  if (end < 0 || !lines[end]!.includes('resumed>')) return { start: end, end };
  const pid = lines[end]!.split(' ')[0];
  let start = end - 1;
  while (
    start >= 0 &&
    !(lines[start]!.startsWith(`${pid} `) && /clone3?\(.*<unfinished \.\.\.>$/.test(lines[start]!))
  )
    start--;
  return { start, end };
}

describe('sigillo sign: the early hashing thread', () => {
  it('a big PDF: hashed by a thread started before the bundle was read; the same valid signature', async () => {
    const dir = join(base, 'pades');
    mkdirSync(dir);
    const input = writeBigPdf(join(dir, 'contratto.pdf'), EARLY_HASH_MIN_BYTES + 12345);
    const before = sha(input);
    const out = join(dir, 'firmati');
    mkdirSync(out);
    const r = tracedCli(['sign', '--json', '--module', fx.module, '--format', 'pades', '--out', out, input]);
    expect(r.code, r.stdout).toBe(0);
    const output = join(out, 'contratto-signed.pdf');
    expect(JSON.parse(r.stdout)).toEqual([{ input, output, format: 'pades' }]);
    expect(sha(input)).toBe(before);
    expect(readdirSync(out)).toEqual(['contratto-signed.pdf']);
    await expectGoodPadesAsync(input, output, 1, makeNssDb(join(dir, 'nss'), fx.pki, fx.pki.signature));

    const opens = (tid: number, what: string) =>
      r.lines.some((l) => l.startsWith(`${tid} `) && l.includes(`"${what}`) && l.includes('openat('));
    const main = Number(r.lines[0]!.split(' ')[0]);
    const readers = [
      ...new Set(r.lines.filter((l) => l.includes(`"${input}"`)).map((l) => Number(l.split(' ')[0]))),
    ];
    // the hashing thread: it opens the input, never the temporary output (the kernel copy's thread does both)
    const hashing = readers.filter((tid) => tid !== main && !opens(tid, join(out, '.contratto-signed.pdf')));
    expect(hashing).toHaveLength(1);
    const bundleOpened = r.lines.findIndex((l) => l.includes('sigillo-bundle.js"'));
    expect(bundleOpened).toBeGreaterThan(0);
    // created (its clone call returned) before the bundle was opened
    const created = cloneLines(r.lines, hashing[0]!);
    expect(created.start).toBeGreaterThan(0);
    expect(created.end).toBeLessThan(bundleOpened);
  }, 120_000);

  it('a big file signed detached (no early hash): the unused thread is ended, the signature made as before', () => {
    const dir = join(base, 'detached');
    mkdirSync(dir);
    const input = writeBigPdf(join(dir, 'allegato.pdf'), EARLY_HASH_MIN_BYTES + 999);
    const before = sha(input);
    const r = tracedCli(['sign', '--json', '--module', fx.module, '--detached', input]);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ input, output: `${input}.p7s`, format: 'cades' }]);
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['allegato.pdf', 'allegato.pdf.p7s']);
    // a thread was started before the bundle (the words named a big file), yet nothing but the signer read it
    const main = Number(r.lines[0]!.split(' ')[0]);
    const bundleOpened = r.lines.findIndex((l) => l.includes('sigillo-bundle.js"'));
    const early = r.lines.slice(0, bundleOpened).filter((l) => /clone3?\(/.test(l));
    expect(early.length).toBeGreaterThan(0);
    const readers = new Set(
      r.lines.filter((l) => l.includes(`"${input}"`)).map((l) => Number(l.split(' ')[0])),
    );
    // every other reader was created after it (its clone call started later)
    expect([...readers].every((tid) => tid === main || cloneLines(r.lines, tid).start > bundleOpened)).toBe(
      true,
    );
  }, 120_000);
});
