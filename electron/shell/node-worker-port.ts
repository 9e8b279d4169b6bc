/** WorkerPort over child_process.fork (the harness and Node tests; the Electron app uses utilityProcess). */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { WorkerPort } from './worker-client';

/** The compiled worker entry, next to this file's folder in dist/. */
export const WORKER_ENTRY = join(__dirname, '..', 'worker', 'card-worker.js');

export function forkNodeWorker(env: NodeJS.ProcessEnv = process.env, entry = WORKER_ENTRY): WorkerPort {
  const child = fork(entry, [], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return {
    postMessage: (m) => {
      if (child.connected) child.send(m);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
