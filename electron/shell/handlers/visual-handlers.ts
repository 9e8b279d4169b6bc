/** visualDiff (issue 23): a file of a verification still held here, compared in the card worker. */
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import type { HandlerTable } from './handler-types';

export const visualHandlers: HandlerTable<'visualDiff'> = {
  visualDiff: async (req, ctx) => {
    // only a file of this verification, with the byte ranges found there: the page names nothing else
    const report = ctx.reports.get(req.reportId)?.find((r) => r.file === req.file);
    if (!report) {
      throw new SigilloError(
        'REPORT_NOT_FOUND',
        t({
          it: 'Verifica non più disponibile: ripetila.',
          en: 'Verification no longer available: run it again.',
        }),
      );
    }
    const signatures = report.signatures.map((s) => ({
      byteRange: s.byteRange,
      coversWholeDocument: s.coversWholeDocument,
    }));
    return ctx.worker.call('visualDiff', { file: report.file, signatures }, { operationId: req.operationId });
  },
};
