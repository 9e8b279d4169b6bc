/**
 * The IPC handlers through dispatchInvoke with the harness's real context (built card worker, SoftHSM token of
 * this file's own — PIN change and unblock mutate it): hostile input, settings, certificate export, PIN/PUK,
 * extract + report export, reminders, links.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makeHarnessContext } from '../../electron/harness/harness-context';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { dispatchInvoke } from '../../electron/shell/ipc/dispatch';
import type { ShellContext } from '../../electron/shell/ipc/context';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';
import type { CardWorkerClient } from '../../electron/shell/worker-client';
import type { Result } from '../../shared/api';
import { CONTRACT, type InvokeMethod } from '../../shared/contract';
import { PIN, SO_PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { makeTsaPki, startTsaServer } from '../support/tsa-server';

const fx = inject('fixture');
let ctx: ShellContext;
let worker: CardWorkerClient;
let dir: string;
const logs: string[] = [];
const opened: string[] = [];

async function call(method: string, request: unknown): Promise<Result<unknown>> {
  const r = await dispatchInvoke(ctx, method, request);
  if (r.ok) {
    // every answer matches its response schema
    const parsed = CONTRACT[method as InvokeMethod].response.safeParse(r.value);
    expect(parsed.success, `${method} response: ${JSON.stringify(parsed.error?.issues ?? [])}`).toBe(true);
  }
  return r;
}

function codeOf(r: Result<unknown>): string {
  return r.ok ? 'OK' : r.error.code;
}

beforeAll(() => {
  mkdirSync(join(fx.root, 'handlers'), { recursive: true });
  dir = mkdtempSync(join(fx.root, 'handlers', 'h-'));
  const conf = makeSofthsmStore(join(dir, 'hsm'));
  addToken(conf, cnsToken('CNS-PIN', fx.pki));
  const log = makeShellLog({
    info: (m) => logs.push(m),
    warn: (m) => logs.push(m),
    error: (m) => logs.push(m),
  });
  mkdirSync(join(dir, 'user-data'));
  ({ ctx, worker } = makeHarnessContext({
    userDataDir: join(dir, 'user-data'),
    outDir: dir,
    workerEntry: WORKER_BUILT,
    workerEnv: {
      PATH: process.env.PATH,
      SIGILLO_PKCS11_MODULE: fx.module,
      SOFTHSM2_CONF: conf,
      SIGILLO_LANG: 'en',
    },
    log,
    version: '0.0.0-test',
    emit: () => undefined,
    opened,
  }));
});

afterAll(() => worker?.dispose());

describe('dispatch: hostile and malformed messages', () => {
  it('answers {code, message} without running anything', async () => {
    const cases: [unknown, unknown][] = [
      ['nope', {}],
      [undefined, {}],
      [{ toString: () => 'appInfo' }, {}],
      ['appInfo', { extra: true }],
      ['setSettings', { language: 'fr' }],
      ['setSettings', { outputDir: '/tmp/../etc' }],
      ['setSettings', { __proto__: { language: 'en' }, constructor: 1 }],
      ['exportCertificate', { token: 'CNS-PIN', certId: '02', outputPath: 'relative.cer' }],
      ['readPdfPreview', { path: '/tmp/a\u0000.pdf' }],
      ['openExternal', { url: 'https://evil.example/' }],
      ['changePin', { token: 'CNS-PIN', oldPin: PIN, newPin: 'x'.repeat(1000) }],
    ];
    for (const [method, payload] of cases) {
      const r = await call(method as string, payload);
      expect(r.ok, JSON.stringify(method)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toMatch(/^IPC_(UNKNOWN_METHOD|INVALID_REQUEST)$/);
        expect(r.error.message).not.toMatch(/at .*\.(ts|js):\d+/); // no stack
      }
    }
    expect(opened).toEqual([]);
    expect((await call('getSettings', {})).ok).toBe(true);
  });
});

describe('handlers with the real worker and token', () => {
  it('app info and settings round trip', async () => {
    const info = await call('appInfo', {});
    expect(info.ok && (info.value as { host: string; version: string }).version).toBe('0.0.0-test');
    const set = await call('setSettings', { language: 'en', digest: 'sha384' });
    expect(set.ok && (set.value as { digest: string }).digest).toBe('sha384');
    const got = await call('getSettings', {});
    expect(got.ok && (got.value as { language: string }).language).toBe('en');
  });

  it('opens allow-listed links only', async () => {
    expect(
      codeOf(
        await call('openExternal', { url: 'https://id.infocamere.it/infocamere/firma_digitale/rinnovo' }),
      ),
    ).toBe('OK');
    expect(opened).toEqual(['https://id.infocamere.it/infocamere/firma_digitale/rinnovo']);
  });

  it('exports the signature certificate as DER, identical to the one on the token; never overwrites silently', async () => {
    const out = join(dir, 'firma.cer');
    expect(codeOf(await call('exportCertificate', { token: 'CNS-PIN', certId: '02', outputPath: out }))).toBe(
      'OK',
    );
    expect(readFileSync(out).equals(readFileSync(fx.pki.signature.certDer))).toBe(true);
    expect(codeOf(await call('exportCertificate', { token: 'CNS-PIN', certId: '02', outputPath: out }))).toBe(
      'OUTPUT_EXISTS',
    );
  });

  it('changes the PIN, then a wrong PIN is refused once, then unblocks with the PUK; secrets stay out of logs', async () => {
    const newPin = '24681357';
    expect(codeOf(await call('changePin', { token: 'CNS-PIN', oldPin: PIN, newPin }))).toBe('OK');
    const wrong = await call('changePin', { token: 'CNS-PIN', oldPin: '11112222', newPin: '33334444' });
    expect(codeOf(wrong)).toBe('PIN_INCORRECT');
    const unblocked = await call('unblockPin', { token: 'CNS-PIN', puk: SO_PIN, newPin: PIN });
    expect(codeOf(unblocked)).toBe('OK');
    const badPuk = await call('unblockPin', { token: 'CNS-PIN', puk: '00000000', newPin: PIN });
    expect(codeOf(badPuk)).toBe('PUK_INCORRECT');
    // back on the original PIN: a change with it succeeds
    expect(codeOf(await call('changePin', { token: 'CNS-PIN', oldPin: PIN, newPin }))).toBe('OK');
    // and back, so the other tests use the fixture PIN
    expect(codeOf(await call('changePin', { token: 'CNS-PIN', oldPin: newPin, newPin: PIN }))).toBe('OK');
    const all = logs.join('\n');
    for (const secret of [PIN, newPin, SO_PIN, '11112222', '33334444', '00000000'])
      expect(all).not.toContain(secret);
  });

  it('signs, verifies, exports the report PDF and extracts the content', async () => {
    const input = join(dir, 'fattura.xml');
    writeFileSync(input, '<FatturaElettronica/>');
    const s = await call('sign', {
      operationId: 'op-handlers-1',
      files: [input],
      format: 'cades',
      token: 'CNS-PIN',
      digest: 'sha256',
      overwrite: false,
      pin: PIN,
    });
    expect(s.ok, JSON.stringify(s)).toBe(true);
    const p7m = (s as { value: { results: { output: string }[] } }).value.results[0]!.output;
    const v = await call('verify', { operationId: 'op-handlers-2', files: [p7m], offline: true });
    expect(v.ok).toBe(true);
    const reportId = (v as { value: { reportId: string } }).value.reportId;
    const pdf = join(dir, 'report.pdf');
    expect(codeOf(await call('exportReport', { reportId, outputPath: pdf }))).toBe('OK');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+\d+/);
    expect(
      codeOf(await call('exportReport', { reportId: 'unknown-id', outputPath: join(dir, 'x.pdf') })),
    ).toBe('REPORT_NOT_FOUND');
    // one press, one report: the file in view by name; a file the verification did not have is refused
    const one = join(dir, 'one.pdf');
    expect(codeOf(await call('exportReport', { reportId, outputPath: one, file: p7m }))).toBe('OK');
    expect(execFileSync('pdftotext', [one, '-'], { encoding: 'utf8' })).toContain(basename(p7m));
    const other = { reportId, outputPath: join(dir, 'y.pdf'), file: join(dir, 'not-verified.p7m') };
    expect(codeOf(await call('exportReport', other))).toBe('REPORT_NOT_FOUND');
    const outDir = join(dir, 'extracted');
    mkdirSync(outDir);
    const x = await call('extract', { files: [p7m], outputDir: outDir, overwrite: false });
    expect(x.ok, JSON.stringify(x)).toBe(true);
    const out = (x as { value: { results: { output: string }[] } }).value.results[0]!.output;
    expect(readFileSync(out, 'utf8')).toBe('<FatturaElettronica/>');
  });

  it('timestamps signatures with the TSA from the settings; its password only reaches the TSA', async () => {
    const tsa = await startTsaServer({
      pki: makeTsaPki(join(dir, 'tsa')),
      user: 'mario',
      password: 'TsaPw-9f3',
    });
    try {
      const input = join(dir, 'timestamped.txt');
      writeFileSync(input, 'con marca temporale');
      const sign = (extra: object) =>
        call('sign', {
          operationId: 'op-tsa-1',
          files: [input],
          format: 'cades',
          token: 'CNS-PIN',
          digest: 'sha256',
          overwrite: true,
          pin: PIN,
          ...extra,
        });
      expect(codeOf(await sign({ timestamp: true }))).toBe('TSA_URL_MISSING');
      const set = await call('setSettings', {
        timestamp: { enabled: true, url: tsa.url, username: 'mario', password: 'TsaPw-9f3' },
      });
      expect(set.ok && (set.value as { timestamp: { hasPassword: boolean } }).timestamp.hasPassword).toBe(
        true,
      );
      const r = await sign({});
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const out = (r as { value: { results: { output: string; error: unknown }[] } }).value.results[0]!;
      expect(out.error).toBeNull();
      expect(tsa.requests).toBe(1);
      expect(tsa.authorizations[0]).toBe(`Basic ${Buffer.from('mario:TsaPw-9f3').toString('base64')}`);
      const asn1 = execFileSync(
        'openssl',
        ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', out.output],
        {
          encoding: 'utf8',
        },
      );
      expect(asn1).toContain('id-smime-aa-timeStampToken');
      expect(logs.join('\n')).not.toContain('TsaPw-9f3');
      expect(JSON.stringify(await call('getSettings', {}))).not.toContain('TsaPw-9f3');
      // timestamps off again for the other tests
      expect((await call('setSettings', { timestamp: { enabled: false } })).ok).toBe(true);
    } finally {
      await tsa.close();
    }
  });

  it('cancel stops a batch before the next file', async () => {
    const files = [1, 2, 3, 4].map((n) => {
      const f = join(dir, `batch-${n}.txt`);
      writeFileSync(f, `file ${n}`);
      return f;
    });
    const running = call('sign', {
      operationId: 'op-cancel-1',
      files,
      format: 'cades',
      token: 'CNS-PIN',
      digest: 'sha256',
      overwrite: false,
      pin: PIN,
    });
    expect(codeOf(await call('cancel', { operationId: 'op-cancel-1' }))).toBe('OK');
    const r = await running;
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const v = (r as { value: { cancelled: boolean; results: unknown[] } }).value;
    expect(v.cancelled).toBe(true);
    expect(v.results.length).toBeLessThan(files.length);
  });

  it('remembers listed certificates for reminders; snooze and off are kept', async () => {
    expect((await call('listTokens', {})).ok).toBe(true);
    const st = await call('renewalStatus', {});
    expect(st.ok && (st.value as { remembered: number }).remembered).toBeGreaterThanOrEqual(2);
    expect(codeOf(await call('snoozeReminder', { days: 7 }))).toBe('OK');
    expect(codeOf(await call('setReminders', { enabled: false }))).toBe('OK');
    const after = await call('renewalStatus', {});
    const v = (after as { value: { enabled: boolean; snoozedUntil: string | null } }).value;
    expect(v.enabled).toBe(false);
    expect(v.snoozedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('PDF preview: refuses non-PDFs and missing files, returns the bytes of a PDF', async () => {
    const txt = join(dir, 'not.pdf');
    writeFileSync(txt, 'plain text');
    expect(codeOf(await call('readPdfPreview', { path: txt }))).toBe('NOT_A_PDF');
    expect(codeOf(await call('readPdfPreview', { path: join(dir, 'missing.pdf') }))).toBe('IO_ENOENT');
    const pdf = join(dir, 'report.pdf');
    const r = await call('readPdfPreview', { path: pdf });
    expect(
      r.ok && Buffer.from((r.value as { base64: string }).base64, 'base64').equals(readFileSync(pdf)),
    ).toBe(true);
  });

  it('hands over files to open once', async () => {
    ctx.pendingFiles.add(['/home/u/a.p7m', '/home/u/b.pdf', '/home/u/a.p7m']);
    const first = await call('takeOpenFiles', {});
    expect(first.ok && (first.value as { paths: string[] }).paths).toEqual([
      '/home/u/a.p7m',
      '/home/u/b.pdf',
    ]);
    const second = await call('takeOpenFiles', {});
    expect(second.ok && (second.value as { paths: string[] }).paths).toEqual([]);
  });
});
