/**
 * PAdES with the early work (sign/prefetch.ts: the original copied into the temporary output by the kernel and
 * hashed on a thread before the token is opened; the signer sends the increment's bytes to that hash): taken, and
 * not taken — the file changed in between, another digest, another output — it gives the same output as signing
 * without it (byte for byte but the random /ID and the signature it changes), which qpdf --check and pdfsig accept
 * and `sigillo verify` reports TOTAL_PASSED (live CRL/OCSP on loopback). The original is never modified, no
 * temporary file is left, an output that appears meanwhile is never replaced. The CLI takes the same path.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEMP_PATTERN } from '../../electron/core/files/atomic-output';
import { signedPdfPath } from '../../electron/core/files/output-naming';
import type { DigestName } from '../../electron/core/crypto/key-signer';
import type { PrefetchedWork } from '../../electron/core/files/copy-hash';
import { Prefetch, PREFETCH_MIN_BYTES } from '../../electron/core/sign/prefetch';
import { signPades } from '../../electron/core/sign/pades-sign';
import { softwareSigner } from '../cms/helpers';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { makeTestPki, type TestPki } from '../support/pki';
import { startPkiRevocationServer, type PkiRevocationServer } from '../support/pki-revocation-server';
import { addToken, makeSofthsmStore, softhsmModule } from '../support/softhsm';
import { verifyJson } from '../support/verify-json';
import { writeBigPdf } from '../pdf/support/make-pdf';
import { makeNssDb, type NssDb } from '../pdf/support/nss';
import { expectGoodPadesAsync } from '../pdf/support/pades-output';

const fx = inject('fixture');
const BIG = PREFETCH_MIN_BYTES + 3 * 1024 * 1024 + 12345;
const SIGNING_TIME = new Date('2026-12-07T08:00:00Z');

let base = '';
let server: PkiRevocationServer;
let pki: TestPki;
let nss: NssDb;
let original = '';
let n = 0;

beforeAll(async () => {
  base = mkdtempSync(join(fx.root, 'pades-prefetch-'));
  server = await startPkiRevocationServer();
  pki = makeTestPki(join(base, 'pki'), server.urls);
  server.serve(pki);
  nss = makeNssDb(join(base, 'nss'), pki, pki.signature);
  original = writeBigPdf(join(base, 'original.pdf'), BIG);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const temps = (dir: string) => readdirSync(dir).filter((f) => TEMP_PATTERN.test(f));

/** a fresh folder holding a copy of the big PDF */
function fresh(): { dir: string; input: string } {
  const dir = join(base, `t${n++}`);
  mkdirSync(dir);
  const input = join(dir, 'contratto.pdf');
  writeFileSync(input, readFileSync(original));
  return { dir, input };
}

/** the appended increment with the random /ID strings and the /Contents hex blanked: its structure */
function structure(input: string, output: string): string {
  return readFileSync(output)
    .subarray(readFileSync(input).length)
    .toString('latin1')
    .replace(/\/ID\s*\[[^\]]*\]/, (m) => m.replace(/[0-9A-Fa-f]/g, '0'))
    .replace(/\/Contents\s*<[0-9A-Fa-f]*>/, (m) => m.replace(/[0-9A-Fa-f]/g, '0'));
}

/** the early work on `input` for a SHA-256 PAdES signature beside it (it must start: the file is big) */
async function startEarly(input: string): Promise<Prefetch> {
  const p = await Prefetch.start({ format: 'pades', input, digest: 'sha256', overwrite: false });
  expect(p).toBeDefined();
  return p!;
}

/** whether the signer took the early work, seen by wrapping `take` */
function watchTake(p: Prefetch): { taken: () => boolean } {
  let got: PrefetchedWork | undefined;
  const take = p.take.bind(p);
  p.take = async (...args: Parameters<Prefetch['take']>) => (got = await take(...args));
  return { taken: () => got !== undefined };
}

async function sign(input: string, o: { digest?: DigestName; output?: string; prefetched?: Prefetch } = {}) {
  return signPades({
    input,
    overwrite: false,
    digest: o.digest ?? 'sha256',
    signer: softwareSigner(pki),
    signingTime: SIGNING_TIME,
    output: o.output,
    prefetched: o.prefetched,
  });
}

async function expectVerified(output: string): Promise<void> {
  const r = await verifyJson(['--no-tsl', '--trust', pki.rootPem, output], {
    SIGILLO_DATA_DIR: join(base, `data${n++}`),
  });
  expect(r.code, r.stderr).toBe(0);
  expect(r.files[0]!.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED']);
}

/** the reference: the same input signed without early work, in its own folder */
async function reference(input: string, digest: DigestName = 'sha256'): Promise<string> {
  const dir = join(base, `ref${n++}`);
  mkdirSync(dir);
  const copy = join(dir, 'contratto.pdf');
  writeFileSync(copy, readFileSync(input));
  return structure(copy, (await sign(copy, { digest })).output);
}

describe('PAdES with the early copy + hash', () => {
  it('taken: the temporary output becomes the signed PDF, as signing without it would make it', async () => {
    const { dir, input } = fresh();
    const before = sha(input);
    const prefetched = await startEarly(input);
    expect(temps(dir)).toHaveLength(1);
    const watch = watchTake(prefetched);
    const r = await sign(input, { prefetched });
    await prefetched.cancel();
    expect(watch.taken()).toBe(true);
    expect(r.output).toBe(signedPdfPath(input));
    expect(sha(input)).toBe(before);
    expect(temps(dir)).toEqual([]);
    await expectGoodPadesAsync(input, r.output, 1, nss);
    expect(structure(input, r.output)).toBe(await reference(input));
    await expectVerified(r.output);
  }, 120_000);

  interface NotTaken {
    name: string;
    /** what happens between the start of the early work and the signature */
    meanwhile?: (input: string) => void;
    digest?: DigestName;
    /** another output than the early work's (NAME-signed.pdf beside the input) */
    output?: string;
  }
  const notTaken: NotTaken[] = [
    {
      name: 'the file changed after the early work started (signed as it is now)',
      // same size, one byte of the padding stream changed: only the file stamp (mtime, ctime) tells
      meanwhile: (input) => {
        const bytes = readFileSync(input);
        const at = bytes.length >> 1;
        bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
        writeFileSync(input, bytes);
      },
    },
    { name: 'another digest', digest: 'sha384' },
    { name: 'another output', output: 'altro.pdf' },
  ];

  for (const c of notTaken) {
    it(`not taken: ${c.name} — cancelled, its temporary file removed, the same output`, async () => {
      const { dir, input } = fresh();
      const prefetched = await startEarly(input);
      expect(temps(dir)).toHaveLength(1);
      const watch = watchTake(prefetched);
      await new Promise((r) => setTimeout(r, 20));
      c.meanwhile?.(input);
      const before = sha(input);
      const r = await sign(input, { digest: c.digest, output: c.output && join(dir, c.output), prefetched });
      await prefetched.cancel();
      expect(watch.taken()).toBe(false);
      expect(sha(input)).toBe(before);
      expect(temps(dir)).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(['contratto.pdf', c.output ?? 'contratto-signed.pdf'].sort());
      await expectGoodPadesAsync(input, r.output, 1, nss);
      expect(structure(input, r.output)).toBe(await reference(input, c.digest));
      await expectVerified(r.output);
    }, 120_000);
  }

  it('an output that appears meanwhile is never replaced: OUTPUT_EXISTS, nothing else left', async () => {
    const { dir, input } = fresh();
    const before = sha(input);
    const prefetched = await startEarly(input);
    const output = signedPdfPath(input);
    writeFileSync(output, 'someone else’s file');
    await expect(sign(input, { prefetched })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    await prefetched.cancel();
    expect(readFileSync(output, 'utf8')).toBe('someone else’s file');
    expect(sha(input)).toBe(before);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['contratto-signed.pdf', 'contratto.pdf']);
  }, 120_000);
});

describe('sigillo sign --format pades of a big PDF (the CLI starts the early work before loading the signer)', () => {
  it('signs through the SoftHSM token: pdfsig, qpdf, verify TOTAL_PASSED; the original untouched, no temporary file', async () => {
    const { dir, input } = fresh();
    const before = sha(input);
    const conf = makeSofthsmStore(join(base, 'hsm'));
    addToken(conf, cnsToken('CNS-PREFETCH', pki));
    const out = join(dir, 'firmati');
    mkdirSync(out);
    const env = { SOFTHSM2_CONF: conf, SIGILLO_PIN: PIN, SIGILLO_PKCS11_MODULE: softhsmModule() };
    const r = await runCli(['sign', '--json', '--format', 'pades', '--out', out, input], env);
    expect(r.code, r.stderr).toBe(0);
    const output = join(out, 'contratto-signed.pdf');
    expect(JSON.parse(r.stdout)).toEqual([{ input, output, format: 'pades' }]);
    expect(sha(input)).toBe(before);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(out)).toEqual(['contratto-signed.pdf']);
    await expectGoodPadesAsync(input, output, 1, nss);
    await expectVerified(output);
    // again: the output exists, the early work is not even started, nothing is left behind
    const again = await runCli(['sign', '--json', '--format', 'pades', '--out', out, input], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)[0].error.code).toBe('OUTPUT_EXISTS');
    expect(readdirSync(out)).toEqual(['contratto-signed.pdf']);
  }, 120_000);

  it('a wrong PIN (one try, never repeated) or a usage error: the early work is cancelled, nothing is left behind', async () => {
    const { dir, input } = fresh();
    const before = sha(input);
    const conf = makeSofthsmStore(join(base, 'hsm-wrong'));
    addToken(conf, cnsToken('CNS-WRONG', pki));
    const env = { SOFTHSM2_CONF: conf, SIGILLO_PIN: '00000000', SIGILLO_PKCS11_MODULE: softhsmModule() };
    const r = await runCli(['sign', '--json', '--format', 'pades', input], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('PIN_INCORRECT');
    const usage = await runCli(['sign', '--format', 'pades', '--level', 'LT', input], {
      ...env,
      SIGILLO_PIN: PIN,
    });
    expect(usage.code).toBe(2);
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir)).toEqual(['contratto.pdf']);
  }, 120_000);
});
