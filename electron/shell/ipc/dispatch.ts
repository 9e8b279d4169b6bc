/**
 * The single entry for every call from the page (Electron IPC and the harness WebSocket alike): validates the
 * method and the request with the shared schemas, runs the handler, and answers with a Result. Errors become
 * `{code, message}` (no stack); the log gets the method, the outcome code and the time — never the payload.
 */
import { toErrorInfo } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import type { ResponseOf, Result } from '../../../shared/api';
import type { InvokeMethod } from '../../../shared/contract';
import { validateRequest, validateResponse } from '../../../shared/validate';
import { HANDLERS } from '../handlers';
import type { Handler, ValidRequest } from '../handlers/handler-types';
import type { ShellContext } from './context';
import { responseChecksWanted } from './response-checks';

function localise(code: string, detail: string): string {
  if (code === 'IPC_UNKNOWN_METHOD') return t({ it: 'Richiesta sconosciuta.', en: 'Unknown request.' });
  return t({ it: 'Richiesta non valida ({detail}).', en: 'Invalid request ({detail}).' }, { detail });
}

/** the method's own handler with its parsed request (the table's types keep method and request together) */
function runHandler<M extends InvokeMethod>(
  call: { method: M; request: ValidRequest<M> },
  ctx: ShellContext,
): Promise<ResponseOf<M>> {
  const handler: Handler<M> = HANDLERS[call.method];
  return handler(call.request, ctx);
}

export async function dispatchInvoke(
  ctx: ShellContext,
  method: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  const started = Date.now();
  const name = typeof method === 'string' ? method.slice(0, 64) : typeof method;
  const valid = validateRequest(method, payload);
  if (!valid.ok) {
    ctx.log.warn('ipc.rejected', { method: name, code: valid.error.code });
    return {
      ok: false,
      error: { code: valid.error.code, message: localise(valid.error.code, valid.error.message) },
    };
  }
  const m: InvokeMethod = valid.value.method;
  try {
    const value = await runHandler(valid.value, ctx);
    if (ctx.checkResponses ?? responseChecksWanted()) {
      // dev and tests: the answer must fit the contract (sent as the handler made it: checked, not re-shaped)
      const checked = validateResponse(m, value);
      if (!checked.ok) {
        ctx.log.error('ipc.invalid-response', { method: m, code: checked.error.code });
        const message = t(
          { it: 'Risposta non valida ({detail}).', en: 'Invalid response ({detail}).' },
          { detail: checked.error.message },
        );
        return { ok: false, error: { code: checked.error.code, message } };
      }
    }
    ctx.log.info('ipc.ok', { method: m, ms: Date.now() - started });
    return { ok: true, value };
  } catch (e) {
    const error = toErrorInfo(e);
    ctx.log.warn('ipc.failed', { method: m, code: error.code, ms: Date.now() - started });
    if (error.code === 'INTERNAL') {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: t({ it: 'Errore interno.', en: 'Internal error.' }) },
      };
    }
    return { ok: false, error };
  }
}
