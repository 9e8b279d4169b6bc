/**
 * The shell's handle on the card worker process (no electron import: the spawner is injected — Electron's
 * utilityProcess.fork in the app, child_process.fork in the harness). Starts the worker on first use; if it
 * dies, pending calls fail with CARD_DRIVER_STOPPED, a 'driver-stopped' event is raised, and the next call
 * starts a fresh worker. Calls are typed by the worker's method table (worker/methods.ts): `call('sign', params)`
 * takes that method's request and resolves to its response; in dev and tests the response is checked too.
 */
import { z } from 'zod';
import { SigilloError } from '../core/errors';
import { getLang, t } from '../core/i18n/translate';
import type { CardEvent } from '../../shared/schemas/events';
import { describeIssues } from '../../shared/validate';
import {
  responseSchema,
  type WorkerMethod,
  type WorkerRequest,
  type WorkerResponse,
} from '../worker/methods';
import { FromWorkerSchema, type ShellCall, type WorkerCancel, type WorkerProgress } from '../worker/protocol';
import { responseChecksWanted } from './ipc/response-checks';

export interface WorkerPort {
  postMessage(message: ShellCall | WorkerCancel): void;
  /** messages from the other process: checked by the client (FromWorkerSchema), never trusted */
  onMessage(listener: (message: unknown) => void): void;
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
  call<M extends WorkerMethod>(
    method: M,
    params: WorkerRequest<M>,
    options?: CallOptions,
  ): Promise<WorkerResponse<M>>;
  cancel(operationId: string): boolean;
}

interface Pending {
  /** the raw value of an ok result (checked and typed by the call that made it) */
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
    private readonly onCardEvent: (payload: CardEvent) => void,
    private readonly onStopped: () => void = () => undefined,
    /** after each (re)start, e.g. to resume watching the card readers */
    private readonly onStarted: () => void = () => undefined,
    /** check each response against its method's schema (dev and tests; off in a packaged app) */
    private readonly checkResponses: boolean = responseChecksWanted(),
  ) {}

  call<M extends WorkerMethod>(
    method: M,
    params: WorkerRequest<M>,
    options: CallOptions = {},
  ): Promise<WorkerResponse<M>> {
    if (this.disposed) return Promise.reject(driverStoppedError());
    const port = this.ensurePort();
    const id = this.nextId++;
    if (options.operationId) this.byOperation.set(options.operationId, id);
    return new Promise((resolve, reject) => {
      const accept = (value: unknown) => {
        try {
          resolve(this.response(method, value));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      this.pending.set(id, { resolve: accept, reject, options });
      port.postMessage({ kind: 'call', id, op: method, params, lang: getLang() });
    });
  }

  /** the worker's answer as the method's response type: checked in dev and tests */
  private response<M extends WorkerMethod>(method: M, value: unknown): WorkerResponse<M> {
    if (!this.checkResponses) {
      // the other process's answer, unchecked in a packaged app: the worker's ops are typed by the same table
      return value as WorkerResponse<M>;
    }
    const parsed = responseSchema(method).safeParse(value);
    if (parsed.success) return parsed.data;
    throw new SigilloError(
      'WORKER_INVALID_RESPONSE',
      t(
        {
          it: 'Risposta non valida dal driver della carta ({method}: {detail}).',
          en: 'Invalid answer from the card driver ({method}: {detail}).',
        },
        { method, detail: describeIssues(parsed.error) },
      ),
    );
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

  private receive(raw: unknown): void {
    const parsed = FromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      this.refuse(raw, describeIssues(parsed.error));
      return;
    }
    const m = parsed.data;
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

  /** a malformed message: the call it names (if any) fails instead of waiting forever */
  private refuse(raw: unknown, detail: string): void {
    const ref = z.object({ id: z.number() }).safeParse(raw);
    const pending = ref.success ? this.pending.get(ref.data.id) : undefined;
    if (!ref.success || !pending) return;
    this.pending.delete(ref.data.id);
    if (pending.options.operationId) this.byOperation.delete(pending.options.operationId);
    pending.reject(
      new SigilloError(
        'WORKER_INVALID_RESPONSE',
        t(
          {
            it: 'Messaggio non valido dal driver della carta ({detail}).',
            en: 'Invalid message from the card driver ({detail}).',
          },
          { detail },
        ),
      ),
    );
  }
}
