/** WorkerPort over Electron's utilityProcess (the card worker runs outside the window's and the main process). */
import { utilityProcess } from 'electron';
import { WORKER_ENTRY } from './app-paths';
import type { WorkerPort } from '../worker-client';

export function forkUtilityWorker(env: NodeJS.ProcessEnv): WorkerPort {
  const child = utilityProcess.fork(WORKER_ENTRY, [], {
    env,
    serviceName: 'Sigillo card worker',
    stdio: 'inherit',
  });
  return {
    postMessage: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', (m: unknown) => listener(m)),
    onExit: (listener) => child.on('exit', (code: number) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
}
