/**
 * The typed card worker service (issue 20 §4): the real worker refuses a request that does not fit its method's
 * schema with WORKER_INVALID_REQUEST (never echoing a PIN); the shell catches a wrong-shaped answer from the worker
 * (WORKER_INVALID_RESPONSE) and from a handler (IPC_INVALID_RESPONSE) in dev/tests; and the method table is
 * enforced at compile time (the @ts-expect-error lines fail `tsc` if a wrong call ever compiles).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHarnessContext } from '../../electron/harness/harness-context';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { dispatchInvoke } from '../../electron/shell/ipc/dispatch';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';
import { forkNodeWorker } from '../../electron/shell/node-worker-port';
import { CardWorkerClient, type WorkerCaller, type WorkerPort } from '../../electron/shell/worker-client';
import type { WorkerOp } from '../../electron/worker/op-types';

let client: CardWorkerClient | undefined;
afterEach(() => client?.dispose());

const realWorker = () => forkNodeWorker({ PATH: process.env.PATH, SIGILLO_LANG: 'en' }, WORKER_BUILT);

/** an in-process stand-in for the worker that answers every call with `answer(op)` */
function fakePort(answer: (op: string, id: number) => unknown): () => WorkerPort {
  return () => {
    let listener: (m: unknown) => void = () => undefined;
    return {
      postMessage: (m) => {
        if (m.kind === 'call') setImmediate(() => listener(answer(m.op, m.id)));
      },
      onMessage: (l) => (listener = l),
      onExit: () => undefined,
      kill: () => undefined,
    };
  };
}

describe('the worker checks every request against its method', () => {
  it('refuses wrong shapes with WORKER_INVALID_REQUEST, naming the field, never the PIN', async () => {
    client = new CardWorkerClient(realWorker, () => undefined);
    const wrong: [string, unknown][] = [
      ['listTokens', { module: 'relative/module.so' }],
      ['listTokens', { refresh: 'yes' }],
      ['ping', { extra: 1 }],
      ['exportCertificate', { token: 'CNS', certId: 'zz', outputPath: '/tmp/a.cer' }],
      ['verify', { files: [], offline: true, trustFiles: [] }],
      ['exportReport', { reports: [{ file: 'x' }], outputPath: '/tmp/r.pdf', overwrite: false }],
      ['changePin', { token: 'CNS', oldPin: '13572468' }],
      ['sign', { files: ['/tmp/a.txt'], pin: '13572468', token: 'CNS' }],
      ['watchCards', null],
    ];
    for (const [method, params] of wrong) {
      const e = await client.call(method as never, params as never).then(
        () => null,
        (x: { code: string; message: string }) => x,
      );
      expect(e?.code, `${method} ${JSON.stringify(params)}`).toBe('WORKER_INVALID_REQUEST');
      expect(e?.message).not.toContain('13572468');
    }
    const missing = { token: 'CNS', oldPin: '13572468' } as never;
    await expect(client.call('changePin', missing)).rejects.toThrow(/newPin/);
    // a call that fits still runs in the same worker
    expect((await client.call('ping', {})).pid).toBeGreaterThan(0);
  });
});

describe('the shell checks the answers in dev and tests', () => {
  it('a worker answer of the wrong shape fails the call (WORKER_INVALID_RESPONSE); unchecked it passes', async () => {
    const answer = (_op: string, id: number) => ({ kind: 'result', id, ok: true, value: { pid: 'seven' } });
    client = new CardWorkerClient(fakePort(answer), () => undefined, undefined, undefined, true);
    await expect(client.call('ping', {})).rejects.toMatchObject({ code: 'WORKER_INVALID_RESPONSE' });
    client.dispose();
    client = new CardWorkerClient(fakePort(answer), () => undefined, undefined, undefined, false);
    expect(await client.call('ping', {})).toEqual({ pid: 'seven' });
  });

  it('a malformed message fails the call it names instead of leaving it waiting', async () => {
    client = new CardWorkerClient(
      fakePort((_op, id) => ({ kind: 'result', id, ok: 'yes' })),
      () => undefined,
    );
    await expect(client.call('ping', {})).rejects.toMatchObject({ code: 'WORKER_INVALID_RESPONSE' });
  });

  it('a handler answer that breaks the contract becomes IPC_INVALID_RESPONSE, logged without the body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigillo-worker-service-'));
    const logs: string[] = [];
    const sink = (m: string) => logs.push(m);
    const { ctx, worker } = makeHarnessContext({
      userDataDir: dir,
      outDir: dir,
      workerEntry: WORKER_BUILT,
      workerEnv: { PATH: process.env.PATH },
      log: makeShellLog({ info: sink, warn: sink, error: sink }),
      version: '0.0.0-test',
      emit: () => undefined,
    });
    worker.dispose(); // never started: the fake below answers instead
    const reports = [{ file: '/x.p7m', format: 'cades', error: null, signatures: [{ integrity: 'valid' }] }];
    const fake: WorkerCaller = {
      call: async () => reports as never,
      cancel: () => false,
    };
    const request = { operationId: 'op-shape-1', files: ['/x.p7m'], offline: true };
    const checked = await dispatchInvoke({ ...ctx, worker: fake, checkResponses: true }, 'verify', request);
    expect(checked).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_RESPONSE' } });
    expect(logs.join('\n')).toContain('ipc.invalid-response method="verify"');
    expect(logs.join('\n')).not.toContain('/x.p7m');
    const unchecked = await dispatchInvoke(
      { ...ctx, worker: fake, checkResponses: false },
      'verify',
      request,
    );
    expect(unchecked.ok).toBe(true);
  });
});

describe('the method table is enforced at compile time', () => {
  it('wrong params, a wrong response use and a wrongly typed op do not compile', () => {
    const typed = (c: WorkerCaller) => [
      // @ts-expect-error newPin is missing
      c.call('changePin', { token: 'CNS', oldPin: '1' }),
      // @ts-expect-error offline is a boolean
      c.call('verify', { files: ['/a.p7m'], offline: 'yes', trustFiles: [] }),
      // @ts-expect-error no such method
      c.call('formatDisk', {}),
      async () => {
        // @ts-expect-error ping answers {pid}, not a number
        const n: number = await c.call('ping', {});
        return n;
      },
    ];
    // @ts-expect-error ping answers {pid}
    const badOp: WorkerOp<'ping'> = async () => ({ watching: true as const });
    expect(typeof typed).toBe('function');
    expect(typeof badOp).toBe('function');
  });
});
