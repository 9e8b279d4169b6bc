/**
 * The shell's handle on the card worker process (no electron import: the spawner is injected — Electron's
 * utilityProcess.fork in the app, child_process.fork in the harness). Starts the worker on first use; if it
 * dies, pending calls fail with CARD_DRIVER_STOPPED, a 'driver-stopped' event is raised, and the next call
 * starts a fresh worker.
 */
import { SigilloError } from '../core/errors';
import { getLang, t } from '../core/i18n/translate';
import type { FromWorker, ToWorker, WorkerOp, WorkerProgress } from '../worker/protocol';

export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type WorkerSpawner = () => WorkerPort;

export interface CallOptions {
  /** renderer operation id (for cancel) */
  operationId?: string;
  onProgress?: (p: WorkerProgress) => void;
}

/** What handlers need from the worker (tests may substitute an in-process implementation). */
export interface WorkerCaller {
  call(op: WorkerOp, params: unknown, options?: CallOptions): Promise<unknown>;
  cancel(operationId: string): boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  options: CallOptions;
}

export function driverStoppedError(): SigilloError {
  return new SigilloError(
    'CARD_DRIVER_STOPPED',
    t({
      it: 'Il driver della carta si è interrotto. Riprova: verrà riavviato.',
      en: 'The card driver stopped. Try again: it will be restarted.',
    }),
  );
}

export class CardWorkerClient implements WorkerCaller {
  private port: WorkerPort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly byOperation = new Map<string, number>();
  private disposed = false;

  constructor(
    private readonly spawn: WorkerSpawner,
    private readonly onCardEvent: (payload: unknown) => void,
    private readonly onStopped: () => void = () => undefined,
    /** after each (re)start, e.g. to resume watching the card readers */
    private readonly onStarted: () => void = () => undefined,
  ) {}

  call(op: WorkerOp, params: unknown, options: CallOptions = {}): Promise<unknown> {
    if (this.disposed) return Promise.reject(driverStoppedError());
    const port = this.ensurePort();
    const id = this.nextId++;
    if (options.operationId) this.byOperation.set(options.operationId, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, options });
      port.postMessage({ kind: 'call', id, op, params, lang: getLang() });
    });
  }

  cancel(operationId: string): boolean {
    const id = this.byOperation.get(operationId);
    if (id === undefined || !this.port) return false;
    this.port.postMessage({ kind: 'cancel', id });
    return true;
  }

  /** Ends the worker without reporting a crash (app quit, harness stop). */
  dispose(): void {
    this.disposed = true;
    const port = this.port;
    this.port = null;
    port?.kill();
    this.failAll();
  }

  private ensurePort(): WorkerPort {
    if (this.port) return this.port;
    const port = this.spawn();
    this.port = port;
    port.onMessage((m) => this.receive(m));
    port.onExit(() => {
      if (this.port !== port) return;
      this.port = null;
      this.failAll();
      if (!this.disposed) this.onStopped();
    });
    this.onStarted();
    return port;
  }

  private failAll(): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.byOperation.clear();
    for (const p of pending) p.reject(driverStoppedError());
  }

  private receive(m: FromWorker): void {
    if (m.kind === 'event') {
      this.onCardEvent(m.payload);
      return;
    }
    if (m.kind === 'ready') return;
    const pending = this.pending.get(m.id);
    if (!pending) return;
    if (m.kind === 'progress') {
      pending.options.onProgress?.(m.progress);
      return;
    }
    this.pending.delete(m.id);
    if (pending.options.operationId) this.byOperation.delete(pending.options.operationId);
    if (m.ok) pending.resolve(m.value);
    else pending.reject(new SigilloError(m.error.code, m.error.message));
  }
}
