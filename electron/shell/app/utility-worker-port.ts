/** WorkerPort over Electron's utilityProcess (the card worker runs outside the window's and the main process). */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { FromWorker } from '../../worker/protocol';
import type { WorkerPort } from '../worker-client';

export const UTILITY_WORKER_ENTRY = join(__dirname, '..', '..', 'worker', 'card-worker.js');

export function forkUtilityWorker(env: NodeJS.ProcessEnv): WorkerPort {
  const child = utilityProcess.fork(UTILITY_WORKER_ENTRY, [], {
    env,
    serviceName: 'Sigillo card worker',
    stdio: 'inherit',
  });
  return {
    postMessage: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', (m: unknown) => listener(m as FromWorker)),
    onExit: (listener) => child.on('exit', (code: number) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
