/** Receives calls from the shell, runs the matching operation, answers with a result or `{code, message}`. */
import { SigilloError, toErrorInfo } from '../core/errors';
import { setLang } from '../core/i18n/translate';
import { t } from '../core/i18n/translate';
import type { OpHandler } from './op-types';
import type { ParentLink } from './parent-link';
import { isToWorker, type WorkerCall, type WorkerOp } from './protocol';

export function runWorker(link: ParentLink, ops: Partial<Record<WorkerOp, OpHandler>>): void {
  const running = new Map<number, AbortController>();

  async function handleCall(call: WorkerCall): Promise<void> {
    const controller = new AbortController();
    running.set(call.id, controller);
    try {
      setLang(call.lang === 'en' ? 'en' : 'it');
      const op = ops[call.op];
      if (!op) {
        throw new SigilloError(
          'NOT_AVAILABLE',
          t({ it: 'Operazione non disponibile: {op}', en: 'Operation not available: {op}' }, { op: call.op }),
        );
      }
      const value = await op(call.params, {
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

  link.onMessage((message) => {
    if (!isToWorker(message)) return;
    if (message.kind === 'cancel') running.get(message.id)?.abort();
    else void handleCall(message);
  });
  link.onDisconnect(() => process.exit(0));
  link.send({ kind: 'ready' });
}
