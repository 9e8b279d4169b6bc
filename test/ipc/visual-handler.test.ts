/**
 * visualDiff through dispatchInvoke with the harness's real context and the built card worker (issue 23): a
 * verified PDF altered after signing answers the changed page as a PNG data: URL (checked against the response
 * schema), only for a file of that verification; an unknown verification is REPORT_NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { ShellContext } from '../../electron/shell/ipc/context';
import type { CardWorkerClient } from '../../electron/shell/worker-client';
import type { Result } from '../../shared/api';
import { checkedCall, quietShellContext } from '../support/shell-context';
import type { VisualDiffResponse } from '../../shared/schemas/visual';
import { decodePng } from '../../electron/core/pdf/png-image';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';
import { replaceText } from '../pdf/support/alterations';

const fx = inject('fixture');
let ctx: ShellContext;
let worker: CardWorkerClient;
let dir: string;

const call = (method: 'verify' | 'visualDiff', request: unknown): Promise<Result<unknown>> =>
  checkedCall(ctx, method, request);

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'visual-ipc-'));
  mkdirSync(join(dir, 'user-data'));
  ({ ctx, worker } = quietShellContext(join(dir, 'user-data'), dir));
});

afterAll(() => worker?.dispose());

describe('visualDiff over IPC', () => {
  it('answers the changed page of a verified file as a PNG data: URL', async () => {
    const signed = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'a.pdf'), { pages: 2 }),
      join(dir, 'a-signed.pdf'),
    );
    const altered = replaceText(signed, join(dir, 'altered.pdf'), 1, 'Testo sostituito');
    const v = await call('verify', { operationId: 'op-visual-1', files: [altered], offline: true });
    expect(v.ok, JSON.stringify(v)).toBe(true);
    const reportId = (v as { value: { reportId: string } }).value.reportId;
    const r = await call('visualDiff', { operationId: 'op-visual-2', reportId, file: altered });
    expect(r.ok, JSON.stringify(r).slice(0, 400)).toBe(true);
    const res = (r as { value: VisualDiffResponse }).value;
    expect(res.signatures).toHaveLength(1);
    expect(res.signatures[0]!.identical).toEqual([2]);
    const page = res.signatures[0]!.pages[0]!;
    expect(page.page).toBe(1);
    const png = decodePng(Buffer.from(page.image.split(',')[1]!, 'base64'));
    expect([png.width, png.height]).toEqual([page.imageWidth, page.imageHeight]);
    // a file outside the verification, or an unknown verification, is refused before the worker runs
    const other = await call('visualDiff', { operationId: 'op-visual-3', reportId, file: signed });
    expect(other.ok ? 'OK' : other.error.code).toBe('REPORT_NOT_FOUND');
    const unknown = await call('visualDiff', { operationId: 'op-visual-4', reportId: 'nope', file: altered });
    expect(unknown.ok ? 'OK' : unknown.error.code).toBe('REPORT_NOT_FOUND');
  });
});
