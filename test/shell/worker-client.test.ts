/** The card worker process (built, forked for real): answers, dies, is reported, restarts on the next call. */
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { forkNodeWorker } from '../../electron/shell/node-worker-port';
import { CardWorkerClient, type WorkerPort } from '../../electron/shell/worker-client';

let client: CardWorkerClient | undefined;
afterEach(() => client?.dispose());

function spawnTracked(ports: WorkerPort[]) {
  return () => {
    const port = forkNodeWorker({ PATH: process.env.PATH, SIGILLO_LANG: 'en' }, WORKER_BUILT);
    ports.push(port);
    return port;
  };
}

describe('card worker client', () => {
  it('runs calls in a separate process', async () => {
    client = new CardWorkerClient(spawnTracked([]), () => undefined);
    const r = (await client.call('ping', {})) as { pid: number };
    expect(r.pid).not.toBe(process.pid);
  });

  it('a crash fails the pending call with CARD_DRIVER_STOPPED, reports it, and the next call restarts', async () => {
    const ports: WorkerPort[] = [];
    let stopped = 0;
    let dieOnNextRequest = false;
    // the worker dies as the request leaves, so it can never answer it first (a quick error answer used to win the
    // race with the kill under load): the call is certainly pending when the exit arrives
    const spawn = spawnTracked(ports);
    const spawner = () => {
      const port = spawn();
      return {
        ...port,
        postMessage(m: Parameters<WorkerPort['postMessage']>[0]) {
          if (!dieOnNextRequest) return port.postMessage(m);
          dieOnNextRequest = false;
          port.kill();
        },
      };
    };
    client = new CardWorkerClient(
      spawner,
      () => undefined,
      () => stopped++,
    );
    const first = (await client.call('ping', {})) as { pid: number };
    dieOnNextRequest = true;
    const pending = client.call('listTokens', { module: '/nonexistent/module.so' });
    await expect(pending).rejects.toMatchObject({ code: 'CARD_DRIVER_STOPPED' });
    await expect.poll(() => stopped).toBe(1);
    const second = (await client.call('ping', {})) as { pid: number };
    expect(second.pid).not.toBe(first.pid);
    expect(ports).toHaveLength(2);
  });

  it('errors from the core cross as {code, message}', async () => {
    client = new CardWorkerClient(spawnTracked([]), () => undefined);
    await expect(client.call('listTokens', { module: '/nonexistent/module.so' })).rejects.toMatchObject({
      code: 'MODULE_NOT_FOUND',
    });
    await expect(client.call('nope' as never, {} as never)).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
  });

  it('dispose ends the worker without reporting a crash', async () => {
    let stopped = 0;
    client = new CardWorkerClient(
      spawnTracked([]),
      () => undefined,
      () => stopped++,
    );
    await client.call('ping', {});
    client.dispose();
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(0);
    await expect(client.call('ping', {})).rejects.toMatchObject({ code: 'CARD_DRIVER_STOPPED' });
  });
});
