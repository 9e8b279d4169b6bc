/** The EU trusted lists in the app: state and update, both run in the worker (the update with progress). */
import type { TrustState } from '../../../shared/schemas/trust';
import type { HandlerTable } from './handler-types';

export const trustHandlers: HandlerTable<'trustStatus' | 'updateTrust'> = {
  trustStatus: async (_req, ctx) => (await ctx.worker.call('trustStatus', {})) as TrustState,
  updateTrust: async (req, ctx) =>
    (await ctx.worker.call(
      'trustUpdate',
      {},
      {
        operationId: req.operationId,
        onProgress: (p) => ctx.emit('progress', { operationId: req.operationId, ...p }),
      },
    )) as TrustState,
};
