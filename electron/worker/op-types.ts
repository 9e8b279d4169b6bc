/** What a worker operation receives besides its parameters, and the typed table of operations. */
import type { CardEvent } from '../../shared/schemas/events';
import type { WorkerMethod, WorkerParams, WorkerResponse } from './methods';
import type { WorkerProgress } from './protocol';

export interface OpContext {
  /** aborted when the shell cancels the operation */
  signal: AbortSignal;
  progress(p: WorkerProgress): void;
  /** pushes a card event to the shell (outside any call) */
  cardEvent(payload: CardEvent): void;
}

/** one method of the worker: its parsed request in, its response out (methods.ts) */
export type WorkerOp<M extends WorkerMethod> = (
  params: WorkerParams<M>,
  ctx: OpContext,
) => Promise<WorkerResponse<M>>;

/** every method of the table, each with its own request and response types (checked at compile time) */
export type WorkerOps = { [M in WorkerMethod]: WorkerOp<M> };
