/**
 * Receives calls from the shell, parses the request with the method's schema (never trusting the other process),
 * runs the matching operation, answers with a result or `{code, message}`.
 */
import { SigilloError, toErrorInfo } from '../core/errors';
import { setLang, t } from '../core/i18n/translate';
import { describeIssues } from '../../shared/validate';
import { isWorkerMethod, requestSchema, type WorkerMethod, type WorkerResponse } from './methods';
import type { OpContext, WorkerOps } from './op-types';
import type { ParentLink } from './parent-link';
import { ToWorkerSchema, type WorkerCall } from './protocol';

function notAvailable(op: string): SigilloError {
  return new SigilloError(
    'NOT_AVAILABLE',
    t(
      { it: 'Operazione non disponibile: {op}', en: 'Operation not available: {op}' },
      { op: op.slice(0, 64) },
    ),
  );
}

/** the request fits the method's schema, or WORKER_INVALID_REQUEST (what is wrong, never the values: a PIN) */
async function run<M extends WorkerMethod>(
  ops: WorkerOps,
  method: M,
  params: unknown,
  ctx: OpContext,
): Promise<WorkerResponse<M>> {
  const parsed = requestSchema(method).safeParse(params);
  if (!parsed.success) {
    throw new SigilloError(
      'WORKER_INVALID_REQUEST',
      t(
        {
          it: 'Richiesta non valida al driver della carta ({detail}).',
          en: 'Invalid request to the card driver ({detail}).',
        },
        { detail: describeIssues(parsed.error) },
      ),
    );
  }
  const op: WorkerOps[M] = ops[method];
  return op(parsed.data, ctx);
}

export function runWorker(link: ParentLink, ops: WorkerOps): void {
  const running = new Map<number, AbortController>();

  async function handleCall(call: WorkerCall): Promise<void> {
    const controller = new AbortController();
    running.set(call.id, controller);
    try {
      setLang(call.lang === 'en' ? 'en' : 'it');
      if (!isWorkerMethod(call.op)) throw notAvailable(call.op);
      const value = await run(ops, call.op, call.params, {
        signal: controller.signal,
        progress: (progress) => link.send({ kind: 'progress', id: call.id, progress }),
        cardEvent: (payload) => link.send({ kind: 'event', event: 'card', payload }),
      });
      link.send({ kind: 'result', id: call.id, ok: true, value });
    } catch (e) {
      link.send({ kind: 'result', id: call.id, ok: false, error: toErrorInfo(e) });
    } finally {
      running.delete(call.id);
    }
  }

  link.onMessage((raw) => {
    const message = ToWorkerSchema.safeParse(raw);
    if (!message.success) return; // no id to answer to
    if (message.data.kind === 'cancel') running.get(message.data.id)?.abort();
    else void handleCall(message.data);
  });
  link.onDisconnect(() => process.exit(0));
  link.send({ kind: 'ready' });
}
