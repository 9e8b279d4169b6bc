/** What a worker operation receives besides its parameters. */
import type { WorkerProgress } from './protocol';

export interface OpContext {
  /** aborted when the shell cancels the operation */
  signal: AbortSignal;
  progress(p: WorkerProgress): void;
  /** pushes a card event to the shell (outside any call) */
  cardEvent(payload: unknown): void;
}

export type OpHandler = (params: unknown, ctx: OpContext) => Promise<unknown>;
