/**
 * `SigilloApi`: the one object the page gets (`window.sigillo`), from the Electron preload or from the harness
 * bridge. Every call resolves to a Result (never rejects for an expected failure): `{ok:true, value}` or
 * `{ok:false, error:{code, message}}` with the message already in the user's language.
 */
import type { z } from 'zod';
import type { Contract, InvokeMethod } from './contract';
import type { ErrorInfo } from './schemas/common';
import type { EventName, EventPayload } from './schemas/events';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the page sends (zod input type of the request schema). */
export type RequestOf<M extends InvokeMethod> = z.input<Contract[M]['request']>;
/** What the page receives (zod output type of the response schema). */
export type ResponseOf<M extends InvokeMethod> = z.output<Contract[M]['response']>;

export type InvokeApi = {
  [M in InvokeMethod]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

/** The subset of a DOM `File` the API needs (shared/ is compiled without the DOM library). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
}

export interface SigilloApi extends InvokeApi {
  /** subscribe to a main-process event; returns the unsubscribe function */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Absolute paths for files dropped on the page or picked with <input type=file> (Electron: webUtils; harness:
   * the file is uploaded to the harness's session folder). Pass DOM File objects.
   */
  pathsForFiles(files: readonly FileLike[]): Promise<Result<string[]>>;
}

/** Transport used by createSigilloApi (harness bridge, tests). */
export interface ApiTransport {
  invoke(method: InvokeMethod, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  pathsForFiles(files: readonly FileLike[]): Promise<Result<string[]>>;
}
