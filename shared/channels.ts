/** Channel names on the wire (Electron IPC and the harness WebSocket). */
import type { EventName } from './schemas/events';
import type { InvokeMethod } from './contract';

export const INVOKE_PREFIX = 'sigillo:invoke:';
export const EVENT_PREFIX = 'sigillo:event:';

export function invokeChannel(method: InvokeMethod): string {
  return INVOKE_PREFIX + method;
}

export function eventChannel(event: EventName): string {
  return EVENT_PREFIX + event;
}
