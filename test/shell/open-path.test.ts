/**
 * The shell seam of "Apri il documento firmato" (issue 21 flow 5): the real handler, the real card worker and
 * the real electronDesktop, with only the `electron` module replaced — `shell.openPath` receives the file the
 * worker wrote in the app's private session folder (the right bytes and name), never a program or a script, and
 * never after a refusal; a viewer that fails is OPEN_VIEWER_FAILED.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

const { openPath } = vi.hoisted(() => ({ openPath: vi.fn<(path: string) => Promise<string>>() }));
vi.mock('electron', () => ({
  shell: { openPath, openExternal: vi.fn(), showItemInFolder: vi.fn() },
  dialog: {},
}));

import { electronDesktop } from '../../electron/shell/app/electron-desktop';
import type { ShellContext } from '../../electron/shell/ipc/context';
import type { CardWorkerClient } from '../../electron/shell/worker-client';
import { openSessionDir, removeOpenSession } from '../../electron/core/open/open-folder';
import type { Result } from '../../shared/api';
import type { OpenSignedResponse } from '../../shared/schemas/open';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';
import { checkedCall, quietShellContext } from '../support/shell-context';

const fx = inject('fixture');
let ctx: ShellContext;
let worker: CardWorkerClient;
let dir: string;
let userData: string;

const call = (method: 'verify' | 'openSigned', request: unknown): Promise<Result<unknown>> =>
  checkedCall(ctx, method, request);

let op = 0;
async function verified(file: string): Promise<string> {
  const v = await call('verify', { operationId: `op-open-${++op}-xxxx`, files: [file], offline: true });
  expect(v.ok, JSON.stringify(v)).toBe(true);
  return (v as { value: { reportId: string } }).value.reportId;
}

async function open(file: string, signature?: number): Promise<Result<OpenSignedResponse>> {
  const reportId = await verified(file);
  return (await call('openSigned', {
    reportId,
    file,
    ...(signature ? { signature } : {}),
  })) as Result<OpenSignedResponse>;
}

function p7m(name: string, body: string | Buffer): { content: string; signed: string } {
  const content = join(dir, name);
  writeFileSync(content, body);
  opensslCmsSign({ input: content, out: `${content}.p7m`, signer: fx.pki.signature });
  return { content, signed: `${content}.p7m` };
}

beforeAll(() => {
  mkdirSync(join(fx.root, 'open'), { recursive: true });
  dir = mkdtempSync(join(fx.root, 'open', 'seam-'));
  userData = join(dir, 'user-data');
  mkdirSync(userData);
  ({ ctx, worker } = quietShellContext(userData, dir));
  ctx.desktop = electronDesktop(() => null); // the app's desktop, over the mocked electron module
});

beforeEach(() => {
  openPath.mockReset();
  openPath.mockResolvedValue('');
});

afterAll(() => {
  worker?.dispose();
  removeOpenSession(userData);
});

describe('openSigned → shell.openPath', () => {
  it('hands the extracted invoice to shell.openPath: inside the private session folder, same bytes, 0600', async () => {
    const { content, signed } = p7m('fattura.xml', '<?xml version="1.0"?><FatturaElettronica/>');
    const r = await open(signed);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const doc = (r as { value: OpenSignedResponse }).value;
    expect(doc.outcome).toBe('opened');
    expect(openPath.mock.calls).toEqual([[doc.path]]);
    expect(doc.path.startsWith(openSessionDir(userData) + sep)).toBe(true);
    expect(doc.path.endsWith(`${sep}fattura.xml`)).toBe(true);
    expect(readFileSync(doc.path)).toEqual(readFileSync(content));
    expect(statSync(doc.path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(doc.path)).mode & 0o777).toBe(0o700);
  });

  it('hands over the revision a PDF signature covers, named after its signer', async () => {
    const once = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'offerta.pdf')),
      join(dir, 'offerta-a.pdf'),
    );
    const twice = await signFile(fx.pki, once, join(dir, 'offerta-b.pdf'));
    const r = await open(twice, 1);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const doc = (r as { value: OpenSignedResponse }).value;
    expect(openPath.mock.calls).toEqual([[doc.path]]);
    expect(doc.name).toBe('offerta-b (signed by Rossi).pdf');
    expect(readFileSync(doc.path)).toEqual(readFileSync(once));
  });

  it('never hands over a program: the answer says where it is saved', async () => {
    const { signed } = p7m('setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]));
    const r = await open(signed);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const doc = (r as { value: OpenSignedResponse }).value;
    expect([doc.outcome, doc.risk, doc.name]).toEqual(['saved', 'program', 'setup.exe']);
    expect(openPath).not.toHaveBeenCalled();
  });

  it('refuses a file changed after verification, and a file not in the verification, before any viewer', async () => {
    const { signed } = p7m('lettera.txt', 'Gentile cliente');
    const reportId = await verified(signed);
    writeFileSync(signed, Buffer.concat([readFileSync(signed), Buffer.from('\n')]));
    const changed = await call('openSigned', { reportId, file: signed });
    expect(changed.ok ? 'OK' : changed.error.code).toBe('OPEN_FILE_CHANGED');
    const other = await call('openSigned', { reportId, file: join(dir, 'fattura.xml.p7m') });
    expect(other.ok ? 'OK' : other.error.code).toBe('REPORT_NOT_FOUND');
    expect(openPath).not.toHaveBeenCalled();
  });

  it('a viewer that fails is OPEN_VIEWER_FAILED with its reason', async () => {
    openPath.mockResolvedValue('No application is registered as handling this file');
    const { signed } = p7m('nota.txt', 'testo');
    const r = await open(signed);
    expect(r.ok ? 'OK' : `${r.error.code}: ${r.error.message}`).toBe(
      'OPEN_VIEWER_FAILED: The system did not open nota.txt: No application is registered as handling this file',
    );
  });

  it('the worker refuses a hostile request before running it (a name with a folder, a relative folder)', async () => {
    const { signed } = p7m('altro.txt', 'x');
    const base = { file: signed, stamp: null, sessionDir: openSessionDir(userData) };
    const pdf = { kind: 'pdf' as const, signature: 1, signedEnd: 10 };
    for (const request of [
      { ...base, plan: { ...pdf, name: '../fuori.pdf' } },
      { ...base, plan: { ...pdf, name: 'a\u0000.pdf' } },
      { ...base, plan: { kind: 'envelope' as const }, sessionDir: 'relativo/cartella' },
    ]) {
      const code = await worker.call('openSigned', request).then(
        () => 'OK',
        (e: { code?: string }) => e.code,
      );
      expect(code, JSON.stringify(request.plan)).toBe('WORKER_INVALID_REQUEST');
    }
  });
});
