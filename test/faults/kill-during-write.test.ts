/**
 * SIGKILL at random moments while `sigillo sign` (CAdES and PAdES) and `sigillo extract` write: never a
 * partial file under the final name, the input byte-identical, and the next run removes the temporary file
 * the killed one left and writes a complete output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { handwrittenPdf } from '../pdf/support/make-pdf';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { makeTsaPki, startTsaServer } from '../support/tsa-server';
import { killWhileWriting, sha256, temps } from './support/kill-run';

const fx = inject('fixture');
const ROUNDS = 3;
/** deterministic "random" delays (ms after the temporary file appears), spread over the write */
const DELAYS = [0, 15, 40, 90, 3, 60];

/**
 * After a run: nothing may stand under the final name after a kill, unless the kill landed just after the rename —
 * then the file is complete (each test checks its content after the loop). True when the output is there.
 */
function finished(out: string, killed: boolean, name: string): boolean {
  const names = readdirSync(out).filter((n) => !n.startsWith('.'));
  if (names.length === 0 && killed) return false;
  expect(names).toEqual([name]);
  return true;
}

describe('SIGKILL while writing', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let input: string;
  let inputSha: string;

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'kill-'));
    env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PKCS11_MODULE: fx.module, SIGILLO_PIN: PIN };
    input = join(dir, 'big.bin');
    execFileSync('openssl', ['rand', '-out', input, String(24 << 20)]);
    inputSha = sha256(input);
  });

  async function contentSha(p7m: string): Promise<string> {
    const s = await readSignedData(p7m, { digests: ['sha256'] });
    return Buffer.from(s.contentDigests.sha256!).toString('hex');
  }

  it('sign (CAdES): no partial p7m, input intact, next run cleans up', async () => {
    const out = join(dir, 'out-cades');
    mkdirSync(out);
    const final = join(out, 'big.bin.p7m');
    let killedMidWrite = 0;
    let leftBehind = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const r = await killWhileWriting(
        ['sign', '--format', 'cades', '--out', out, input],
        env,
        out,
        DELAYS[i]!,
      );
      if (r.killed && r.sawTemp) killedMidWrite++;
      leftBehind = Math.max(leftBehind, temps(out).length);
      if (existsSync(final)) {
        // only a complete file ever appears under the final name (a kill may land just after the rename)
        expect(await contentSha(final)).toBe(inputSha);
        break;
      }
      expect(sha256(input)).toBe(inputSha);
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    // a killed run leaves its temporary file (the kernel gives no chance to clean up)…
    expect(leftBehind).toBeGreaterThan(0);
    if (!existsSync(final)) {
      const again = await runCli(['sign', '--format', 'cades', '--out', out, input], env);
      expect(again.code, again.stderr).toBe(0);
    }
    // …and the next run removed it
    expect(readdirSync(out)).toEqual(['big.bin.p7m']);
    expect(await contentSha(final)).toBe(inputSha);
    expect(sha256(input)).toBe(inputSha);
  });

  it('sign (PAdES): no partial PDF, input intact, next run cleans up', async () => {
    const pdf = join(dir, 'doc.pdf');
    writeFileSync(pdf, handwrittenPdf({ padding: 16 << 20 }));
    const pdfSha = sha256(pdf);
    const out = join(dir, 'out-pades');
    mkdirSync(out);
    let killedMidWrite = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const r = await killWhileWriting(
        ['sign', '--format', 'pades', '--out', out, pdf],
        env,
        out,
        DELAYS[i]!,
      );
      if (r.killed && r.sawTemp) killedMidWrite++;
      if (finished(out, r.killed, 'doc-signed.pdf')) break;
      expect(sha256(pdf)).toBe(pdfSha);
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    if (!existsSync(join(out, 'doc-signed.pdf'))) {
      const again = await runCli(['sign', '--format', 'pades', '--out', out, pdf], env);
      expect(again.code, again.stderr).toBe(0);
    }
    expect(readdirSync(out)).toEqual(['doc-signed.pdf']);
    // a complete incremental update: the original is an exact prefix, followed by the signature revision
    const signed = readFileSync(join(out, 'doc-signed.pdf'));
    const original = readFileSync(pdf);
    expect(signed.length).toBeGreaterThan(original.length);
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    expect(signed.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(sha256(pdf)).toBe(pdfSha);
  });

  it('extract: no partial document, p7m intact, next run cleans up', async () => {
    const src = join(dir, 'src');
    mkdirSync(src);
    const made = await runCli(['sign', '--format', 'cades', '--out', src, input], env);
    expect(made.code, made.stderr).toBe(0);
    const p7m = join(src, 'big.bin.p7m');
    const p7mSha = sha256(p7m);
    const out = join(dir, 'out-extract');
    mkdirSync(out);
    let killedMidWrite = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const r = await killWhileWriting(['extract', '--out', out, p7m], {}, out, DELAYS[i + 1]!);
      if (r.killed && r.sawTemp) killedMidWrite++;
      if (finished(out, r.killed, 'big.bin')) break;
      expect(sha256(p7m)).toBe(p7mSha);
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    if (!existsSync(join(out, 'big.bin'))) {
      const again = await runCli(['extract', '--out', out, p7m]);
      expect(again.code, again.stderr).toBe(0);
    }
    expect(readdirSync(out)).toEqual(['big.bin']);
    expect(sha256(join(out, 'big.bin'))).toBe(inputSha);
    expect(sha256(p7m)).toBe(p7mSha);
  });
  it('timestamp (.tsd): no partial envelope, input intact, next run cleans up', async () => {
    const tsa = await startTsaServer({ pki: makeTsaPki(join(dir, 'tsa')) });
    try {
      const out = join(dir, 'out-tsd');
      mkdirSync(out);
      let killedMidWrite = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const r = await killWhileWriting(
          ['timestamp', '--tsa', tsa.url, '--out', out, input],
          {},
          out,
          DELAYS[i + 2]!,
        );
        if (r.killed && r.sawTemp) killedMidWrite++;
        if (finished(out, r.killed, 'big.bin.tsd')) break;
        expect(sha256(input)).toBe(inputSha);
      }
      expect(killedMidWrite).toBeGreaterThan(0);
      if (!existsSync(join(out, 'big.bin.tsd'))) {
        const again = await runCli(['timestamp', '--tsa', tsa.url, '--out', out, input]);
        expect(again.code, again.stderr).toBe(0);
      }
      expect(readdirSync(out)).toEqual(['big.bin.tsd']);
      // the envelope is complete: extracting it gives the input back
      mkdirSync(join(dir, 'out-tsd-check'));
      const x = await runCli([
        'extract',
        '--json',
        '--out',
        join(dir, 'out-tsd-check'),
        join(out, 'big.bin.tsd'),
      ]);
      expect(x.code, x.stdout + x.stderr).toBe(0);
      expect(sha256(join(dir, 'out-tsd-check', 'big.bin'))).toBe(inputSha);
      expect(sha256(input)).toBe(inputSha);
    } finally {
      await tsa.close();
    }
  });
});
