/** The EU trusted lists in the app: state and update, both run in the worker (the update with progress). */
import type { HandlerTable } from './handler-types';

export const trustHandlers: HandlerTable<'trustStatus' | 'updateTrust'> = {
  trustStatus: async (_req, ctx) => ctx.worker.call('trustStatus', {}),
  updateTrust: async (req, ctx) =>
    ctx.worker.call(
      'trustUpdate',
      {},
      {
        operationId: req.operationId,
        onProgress: (p) => ctx.emit('progress', { operationId: req.operationId, ...p }),
      },
    ),
};
