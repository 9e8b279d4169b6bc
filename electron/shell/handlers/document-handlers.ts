/** Sign (with progress and cancel), verify, report export, extraction: run in the worker. */
import { resolve } from 'node:path';
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { planSignOutput } from '../../core/sign/output-plan';
import { fileStamp } from '../../core/files/file-stamp';
import type { ShellContext } from '../ipc/context';
import type { WorkerProgress } from '../../worker/protocol';
import type { HandlerTable } from './handler-types';
import { cardEnvironment } from './card-handlers';

function progressTo(ctx: ShellContext, operationId: string) {
  return (p: WorkerProgress) => ctx.emit('progress', { operationId, ...p });
}

/** TSA settings for the worker (the password comes from the keychain, only when timestamps are on). */
function tsaFor(ctx: ShellContext, wanted: boolean | undefined) {
  const s = ctx.settings.get().timestamp;
  if (!(wanted ?? s.enabled)) return null;
  if (!s.url) {
    throw new SigilloError(
      'TSA_URL_MISSING',
      t({
        it: 'Per la marca temporale indica prima il servizio (TSA) nelle impostazioni.',
        en: 'To add a timestamp, set the timestamp service (TSA) in the settings first.',
      }),
    );
  }
  return { url: s.url, username: s.username, password: ctx.settings.tsaPassword() };
}

export const documentHandlers: HandlerTable<
  'sign' | 'planSign' | 'cancel' | 'verify' | 'exportReport' | 'extract'
> = {
  planSign: async (req) => ({
    files: await Promise.all(
      req.files.map((f) =>
        planSignOutput(f, req.format, { outputDir: req.outputDir, nest: req.nest, detached: req.detached }),
      ),
    ),
  }),
  sign: async (req, ctx) => {
    const { timestamp, ...rest } = req;
    const wanted = req.level ? req.level !== 'B' : timestamp;
    const level = req.level ?? ((wanted ?? ctx.settings.get().timestamp.enabled) ? 'T' : 'B');
    const params = { ...cardEnvironment(ctx), ...rest, level, tsa: tsaFor(ctx, wanted) };
    return ctx.worker.call('sign', params, {
      operationId: req.operationId,
      onProgress: progressTo(ctx, req.operationId),
    });
  },
  cancel: async (req, ctx) => {
    ctx.worker.cancel(req.operationId);
    return { ok: true };
  },
  verify: async (req, ctx) => {
    // each file as it is before it is read: "open the signed document" later opens only these same bytes
    const stamps = new Map(
      await Promise.all(req.files.map(async (f) => [resolve(f), await fileStamp(f)] as const)),
    );
    const reports = await ctx.worker.call(
      'verify',
      {
        ...cardEnvironment(ctx),
        files: req.files,
        offline: req.offline,
        content: req.content,
        trustFiles: ctx.settings.get().trustFiles,
      },
      { operationId: req.operationId, onProgress: progressTo(ctx, req.operationId) },
    );
    return { reportId: ctx.reports.put(reports, stamps), reports };
  },
  exportReport: async (req, ctx) => {
    // one press, one report: the file in view; the whole batch only when no file is named
    const reports = ctx.reports.select(req.reportId, req.file);
    return ctx.worker.call('exportReport', {
      reports,
      outputPath: req.outputPath,
      overwrite: req.overwrite === true,
      trustFiles: ctx.settings.get().trustFiles,
    });
  },
  extract: async (req, ctx) => ctx.worker.call('extract', req),
};
