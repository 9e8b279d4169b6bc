/** Builds a SigilloApi over any transport (used by the harness bridge and by tests; the preload has its own). */
import type { ApiTransport, InvokeApi, Result, SigilloApi } from './api';
import { INVOKE_METHODS, type InvokeMethod } from './contract';
import type { EventName, EventPayload } from './schemas/events';

export function createSigilloApi(transport: ApiTransport): SigilloApi {
  const invoke = {} as Record<InvokeMethod, (request: unknown) => Promise<Result<unknown>>>;
  for (const method of INVOKE_METHODS) {
    invoke[method] = (request: unknown) => transport.invoke(method, request ?? {});
  }
  return {
    ...(invoke as unknown as InvokeApi),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
    pathsForFiles: (files) => transport.pathsForFiles(files),
  };
}
