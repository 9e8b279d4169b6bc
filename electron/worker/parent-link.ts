/** The worker's side of the channel: Electron utilityProcess (process.parentPort) or child_process.fork (IPC). */
import type { FromWorker } from './protocol';

export interface ParentLink {
  send(message: FromWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

export function parentLink(proc: NodeJS.Process = process): ParentLink {
  // external boundary: Electron's utilityProcess adds process.parentPort, which Node's types do not know
  const parentPort = (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)),
      onDisconnect: () => undefined, // utilityProcess children are killed with their parent
    };
  }
  const send = proc.send?.bind(proc);
  if (!send) throw new Error('card worker started without an IPC channel');
  return {
    send: (m) => {
      if (proc.connected) send(m);
    },
    onMessage: (listener) => proc.on('message', listener),
    onDisconnect: (listener) => proc.on('disconnect', listener),
  };
}
