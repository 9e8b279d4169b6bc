/**
 * watchCards: starts H's CardMonitor once (PC/SC readers and cards) and forwards its events to the shell as
 * card events (type, reader, ATR, error). The page re-reads the token list on insert/remove.
 */
import { CardMonitor } from '../../core/pcsc/card-monitor';
import type { DeviceEvent } from '../../core/pcsc/pcsc-events';
import type { CardEvent } from '../../../shared/schemas/events';
import type { WorkerOp } from '../op-types';

let monitor: CardMonitor | null = null;

export function cardEventOf(e: DeviceEvent): CardEvent {
  switch (e.type) {
    case 'card-inserted':
      return { type: e.type, reader: e.reader, atr: e.atr, ...(e.error ? { error: e.error } : {}) };
    case 'error':
      return { type: 'error', ...(e.reader ? { reader: e.reader } : {}), error: e.error };
    default:
      return { type: e.type, reader: e.reader };
  }
}

export const watchCards: WorkerOp<'watchCards'> = async (_params, ctx) => {
  if (monitor) return { watching: true };
  monitor = new CardMonitor({ listTokens: false, retryMs: 5000 });
  monitor.on((e) => ctx.cardEvent(cardEventOf(e)));
  monitor.start();
  return { watching: true };
};
