/** The loopback harness: gatekeeping (token, loopback Host, origin) and real round trips with SoftHSM. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { connect, type HarnessClient } from './harness-client';
import { startTestHarness, type TestHarness } from './harness-setup';

const fx = inject('fixture');
let th: TestHarness;
let client: HarnessClient;

function httpGet(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type SignResults = { results: { output: string | null; format: string; error: unknown }[] };

/** one file signed through the harness with the fixture token; `options` override the defaults */
function signFile(operationId: string, input: string, options: Record<string, unknown> = {}) {
  return client.invoke('sign', {
    operationId,
    files: [input],
    format: 'auto',
    token: 'CNS-ROSSI',
    digest: 'sha256',
    overwrite: false,
    pin: PIN,
    ...options,
  });
}

/** the output file of a signing that must have succeeded, in the given format */
function signedOutput(r: Awaited<ReturnType<typeof signFile>>, format: string): string {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  const res = (r as { ok: true; value: SignResults }).value;
  expect(res.results[0]!.error).toBeNull();
  expect(res.results[0]!.format).toBe(format);
  return res.results[0]!.output!;
}

beforeAll(async () => {
  // own store: the wrong-PIN test changes the token's PIN counters
  const conf = makeSofthsmStore(join(fx.root, `hsm-harness-${process.pid}`));
  addToken(conf, cnsToken('CNS-ROSSI', fx.pki));
  th = await startTestHarness(fx.root, { SIGILLO_PKCS11_MODULE: fx.module, SOFTHSM2_CONF: conf });
  client = await connect(th.harness.port, th.harness.token);
});

afterAll(async () => {
  client?.close();
  await th?.harness.close();
});

describe('harness gatekeeping', () => {
  it('listens on loopback only and serves the page only with the session token', async () => {
    expect(th.harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const { port, token } = th.harness;
    expect((await httpGet(port, '/')).status).toBe(403);
    expect((await httpGet(port, '/?token=wrong')).status).toBe(403);
    const ok = await httpGet(port, `/?token=${encodeURIComponent(token)}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain(`<meta name="sigillo-harness-token" content="${token}"`);
    expect((await httpGet(port, '/assets/app.js')).status).toBe(200);
    expect((await httpGet(port, '/../../../etc/passwd')).status).toBe(404);
    expect((await httpGet(port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const { port, token } = th.harness;
    const r = await httpGet(port, `/?token=${token}`, { host: `evil.example:${port}` });
    expect(r.status).toBe(403);
  });

  it('refuses WebSocket connections without the token or from another origin', async () => {
    const { port, token } = th.harness;
    await expect(connect(port, 'wrong-token')).rejects.toThrow(/403/);
    await expect(connect(port, token, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(connect(port, token, `http://127.0.0.1:${port + 1}`)).rejects.toThrow(/403/);
  });

  it('uploads need the token and the page origin; names cannot escape the folder', async () => {
    const { port, token } = th.harness;
    const origin = `http://127.0.0.1:${port}`;
    const post = (name: string, headers: Record<string, string>) =>
      fetch(`${origin}/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: 'hello' });
    expect((await post('a.txt', { origin })).status).toBe(403);
    expect((await post('a.txt', { 'x-sigillo-token': token })).status).toBe(403);
    expect((await post('../a.txt', { origin, 'x-sigillo-token': token })).status).toBe(400);
    const r = await post('a.txt', { origin, 'x-sigillo-token': token });
    expect(r.status).toBe(200);
    const { path } = (await r.json()) as { path: string };
    expect(path.startsWith(th.outDir)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('hello');
  });

  it('answers malformed messages with {code, message} and keeps serving', async () => {
    const r = await client.invoke('sign', { files: ['relative.pdf'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('IPC_INVALID_REQUEST');
    const info = await client.invoke('appInfo', {});
    expect(info.ok && (info.value as { host: string }).host).toBe('harness');
  });
});

describe('harness round trips with the SoftHSM fixture', () => {
  it('lists the CNS token with both certificates and renewal state', async () => {
    const r = await client.invoke('listTokens', {});
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const v = r.value as {
      module: string;
      tokens: {
        label: string;
        certificates: {
          role: string;
          info: { subject: { fiscalCode?: string } };
          renewal: { state: string };
        }[];
      }[];
    };
    expect(v.module).toBe(fx.module);
    expect(v.tokens.map((t) => t.label)).toEqual(['CNS-ROSSI']);
    const roles = v.tokens[0]!.certificates.map((c) => c.role).sort();
    expect(roles).toEqual(['authentication', 'signature']);
    const sig = v.tokens[0]!.certificates.find((c) => c.role === 'signature')!;
    expect(sig.info.subject.fiscalCode).toBe(fx.pki.person.fiscalCode);
    expect(sig.renewal.state).toBe('valid');
    expect(JSON.stringify(v)).not.toMatch(/"der"/);
  });

  it('signs a PDF with the PIN given once; pdfsig validates it; the PIN is nowhere in answers or logs', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('Sigillo harness test');
    const input = join(th.dir, 'contract.pdf');
    writeFileSync(input, await doc.save());
    const r = await signFile('op-sign-pdf-1', input);
    const out = signedOutput(r, 'pades');
    expect(existsSync(out)).toBe(true);
    const pdfsig = execFileSync('pdfsig', [out], { encoding: 'utf8' });
    expect(pdfsig).toMatch(/Signature Validation: Signature is Valid/);
    expect(pdfsig).toContain('ROSSI');
    const progress = client.events.filter((e) => e.event === 'progress');
    expect(progress.some((e) => (e.payload as { phase: string }).phase === 'done')).toBe(true);
    expect(JSON.stringify(r)).not.toContain(PIN);
    expect(th.logs.join('\n')).not.toContain(PIN);
  });

  it('places a visible signature where the page asked', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const input = join(th.dir, 'visible.pdf');
    writeFileSync(input, await doc.save());
    const r = await signFile('op-sign-visible', input, {
      format: 'pades',
      visible: { page: 1, x: 50, y: 60, w: 200, h: 70 },
    });
    const out = signedOutput(r, 'pades');
    expect(execFileSync('pdfsig', [out], { encoding: 'utf8' })).toMatch(/Signature is Valid/);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', out, '-'], {
      maxBuffer: 1 << 26,
    }).toString('latin1');
    expect(qdf).toMatch(/\/Rect\s*\[\s*50(\.0+)?\s+60(\.0+)?\s+250(\.0+)?\s+130(\.0+)?\s*\]/);
  });

  it('signs a text file as CAdES (.p7m); openssl cms -verify accepts it against the test CA', async () => {
    const input = join(th.dir, 'invoice.xml');
    writeFileSync(input, '<fattura>1</fattura>');
    const out = signedOutput(await signFile('op-sign-cades-1', input), 'cades');
    const content = execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        out,
        '-CAfile',
        fx.pki.chainPem,
        '-purpose',
        'any',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(content).toBe('<fattura>1</fattura>');

    // and the same file verified through the harness: intact, signed by the fixture's holder
    const set = await client.invoke('setSettings', { trustFiles: [fx.pki.rootPem] });
    expect(set.ok).toBe(true);
    const v = await client.invoke('verify', { operationId: 'op-verify-1', files: [out], offline: true });
    expect(v.ok, JSON.stringify(v)).toBe(true);
    if (!v.ok) return;
    const value = v.value as {
      reportId: string;
      reports: { error: unknown; signatures: { integrity: string; signer: { fiscalCode: string } }[] }[];
    };
    expect(value.reportId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(value.reports[0]!.error).toBeNull();
    expect(value.reports[0]!.signatures[0]!.integrity).toBe('valid');
    expect(value.reports[0]!.signatures[0]!.signer.fiscalCode).toBe(fx.pki.person.fiscalCode);
  });

  it('a wrong PIN fails once with PIN_INCORRECT, never retried, not echoed', async () => {
    const input = join(th.dir, 'note.txt');
    writeFileSync(input, 'hello');
    const r = await signFile('op-sign-bad-pin', input, { format: 'cades', pin: '99999999' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('PIN_INCORRECT');
    expect(JSON.stringify(r)).not.toContain('99999999');
    expect(th.logs.join('\n')).not.toContain('99999999');
    expect(existsSync(`${input}.p7m`)).toBe(false);
  });
});
