/**
 * `sigillo verify BIG.pdf` runs the program on a worker thread while the process's main thread hashes the PDF
 * (cli/program-thread-host.ts). It must be the same command to whoever runs it: the same stdout (JSON and
 * text), stderr and exit code as the program run on the main thread (SIGILLO_NO_FAST=1), for a valid file, one
 * with no trust configured, one whose signed bytes were altered and one cut short (an error report); a reader
 * that closes the pipe ends it quietly with 141 as before; a bad word still ends it at once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { startLoopbackCa, type LoopbackCa } from '../revocation/support/loopback-ca';
import { EARLY_PDF_MIN_BYTES } from '../../electron/cli/early-pdf-hash';
import { ON_THREAD_NOTE } from '../../electron/cli/program-thread-host';
import { EXIT_CLOSED_PIPE } from '../../electron/cli/closed-pipe';
import { CLI, runCli } from '../support/cli';
import { writeRandomPaddedPdf } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';

const fx = inject('fixture');

/** what depends on the moment of the run */
const stable = (s: string) =>
  s
    .replace(/"(checkedAt|validationTime|now)":\s*"[^"]*"/g, '"$1":""')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME')
    .replace(/\d\d\/\d\d\/\d{4},? \d\d:\d\d(:\d\d)?/g, 'TIME');

describe('verify BIG.pdf with the program on a thread', () => {
  let dir: string;
  let big: string;
  let altered: string;
  let truncated: string;
  let ca: LoopbackCa;
  /** signed by a certificate whose OCSP answers live on 127.0.0.1: TOTAL_PASSED, exit 0 */
  let live: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'program-thread-'));
    let input = writeRandomPaddedPdf(join(dir, 'doc.pdf'), EARLY_PDF_MIN_BYTES + 512 * 1024);
    for (let i = 1; i <= 2; i++) input = await signFile(fx.pki, input, join(dir, `doc-${i}.pdf`));
    big = input;
    ca = await startLoopbackCa(join(dir, 'ca'));
    const good = ca.issue('good');
    const signer = new SoftwareSigner({ keyPem: good.keyPem, certPem: good.certPem, chainPems: [] });
    live = await signFile(fx.pki, join(dir, 'doc.pdf'), join(dir, 'live.pdf'), { signer });
    // one byte of the padding (signed by both) changed: both signatures' digests differ
    const bytes = readFileSync(big);
    const at = bytes.indexOf('stream\n') + 1000;
    bytes[at] = bytes[at]! ^ 0xff;
    altered = join(dir, 'altered.pdf');
    writeFileSync(altered, bytes);
    // cut inside the padding (still big enough for the thread): no cross-reference, an error report
    truncated = join(dir, 'truncated.pdf');
    writeFileSync(truncated, bytes.subarray(0, EARLY_PDF_MIN_BYTES + 64 * 1024));
  });

  afterAll(async () => {
    await ca?.close();
  });

  it('prints what the program on the main thread prints, and ends with its exit code', async () => {
    const cases: string[][] = [
      ['--json', '--trust', ca.rootPem, live],
      ['--trust', ca.rootPem, live],
      ['--json', '--offline', '--trust', fx.pki.rootPem, big],
      ['--json', '--offline', big],
      ['--json', '--offline', '--trust', fx.pki.rootPem, altered],
      ['--offline', '--trust', fx.pki.rootPem, big],
      ['--offline', altered],
      ['--json', '--offline', truncated],
    ];
    const codes: number[] = [];
    for (const words of cases) {
      const args = ['verify', ...words];
      // each run with its own data folder: the OCSP answer is fetched by both, never taken from a cache
      const data = () => ({ SIGILLO_DATA_DIR: mkdtempSync(join(dir, 'data-')) });
      const thread = await runCli(args, { ...data(), SIGILLO_DEBUG_EARLY_HASH: '1' });
      const main = await runCli(args, { ...data(), SIGILLO_NO_FAST: '1' });
      const label = words.join(' ');
      expect(thread.stderr.startsWith(ON_THREAD_NOTE), label).toBe(true);
      expect(stable(thread.stdout), label).toBe(stable(main.stdout));
      expect(thread.code, label).toBe(main.code);
      expect(thread.stdout.length, label).toBeGreaterThan(100);
      codes.push(thread.code);
    }
    // valid (live OCSP), indeterminate offline, altered: not all the same, so the exit code is carried over
    expect(codes[0]).toBe(0);
    expect(codes[2]).not.toBe(0);
    expect(new Set(codes).size).toBeGreaterThan(1);
    const altJson = JSON.parse((await runCli(['verify', '--json', '--offline', altered])).stdout) as {
      signatures: { integrity: string }[];
    }[];
    expect(altJson[0]!.signatures.map((s) => s.integrity)).toEqual(['invalid', 'invalid']);
    const cut = JSON.parse((await runCli(['verify', '--json', '--offline', truncated])).stdout) as {
      error: { code: string } | null;
    }[];
    expect(cut[0]!.error?.code).toBe('PDF_BROKEN');
  });

  it('a reader closing the pipe ends it quietly with 141, as on the main thread', async () => {
    const closedEarly = (env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, 'verify', '--json', '--offline', big], {
          env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.destroy(); // nobody reads: the first write meets a closed pipe
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const thread = await closedEarly({ SIGILLO_DEBUG_EARLY_HASH: '1' });
    const main = await closedEarly({ SIGILLO_NO_FAST: '1' });
    expect(main).toEqual({ code: EXIT_CLOSED_PIPE, stderr: '' });
    expect(thread.code).toBe(EXIT_CLOSED_PIPE);
    expect(thread.stderr.startsWith(ON_THREAD_NOTE)).toBe(true);
    expect(thread.stderr).not.toMatch(/Error|EPIPE|at /);
  });

  it('an unknown word: the program says so and the command ends at once', async () => {
    const t0 = Date.now();
    const thread = await runCli(['verify', '--bogus', big], { SIGILLO_DEBUG_EARLY_HASH: '1' });
    const main = await runCli(['verify', '--bogus', big], { SIGILLO_NO_FAST: '1' });
    expect(thread.code).toBe(main.code);
    expect(thread.code).not.toBe(0);
    expect(thread.stderr).toBe(ON_THREAD_NOTE + main.stderr);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
