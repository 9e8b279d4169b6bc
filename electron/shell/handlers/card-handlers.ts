/** Token list, certificate export, PIN change / PUK unblock, renewal reminders: all run in the card worker. */
import type { ShellContext } from '../ipc/context';
import type { HandlerTable } from './handler-types';
import { rememberTokens } from './renewal-handlers';

/** the code of a file-system error (ENOENT, EACCES…) for the log, or 'unknown' */
function errnoCode(e: unknown): string {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : 'unknown';
}

/** Settings the worker needs for card work (never secrets). */
export function cardEnvironment(ctx: ShellContext): { module: string | null; dataDir: string } {
  return { module: ctx.settings.get().pkcs11Module, dataDir: ctx.info.userDataDir };
}

export const cardHandlers: HandlerTable<'listTokens' | 'exportCertificate' | 'changePin' | 'unblockPin'> = {
  listTokens: async (req, ctx) => {
    const params = { ...cardEnvironment(ctx), refresh: req.refresh === true };
    const result = await ctx.worker.call('listTokens', params);
    try {
      await rememberTokens(ctx, result.tokens);
    } catch (e) {
      ctx.log.warn('reminders.remember-failed', { code: errnoCode(e) });
    }
    return result;
  },
  exportCertificate: async (req, ctx) =>
    ctx.worker.call('exportCertificate', { ...cardEnvironment(ctx), ...req }),
  changePin: async (req, ctx) => {
    await ctx.worker.call('changePin', { ...cardEnvironment(ctx), ...req });
    ctx.emit('card', { type: 'tokens-changed' });
    return { ok: true };
  },
  unblockPin: async (req, ctx) => {
    await ctx.worker.call('unblockPin', { ...cardEnvironment(ctx), ...req });
    ctx.emit('card', { type: 'tokens-changed' });
    return { ok: true };
  },
};
