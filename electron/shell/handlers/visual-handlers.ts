/** visualDiff (issue 23): a file of a verification still held here, compared in the card worker. */
import type { HandlerTable } from './handler-types';

export const visualHandlers: HandlerTable<'visualDiff'> = {
  visualDiff: async (req, ctx) => {
    // only a file of this verification, with the byte ranges found there: the page names nothing else
    const [report] = ctx.reports.select(req.reportId, req.file);
    const signatures = report.signatures.map((s) => ({
      byteRange: s.byteRange,
      coversWholeDocument: s.coversWholeDocument,
    }));
    return ctx.worker.call('visualDiff', { file: report.file, signatures }, { operationId: req.operationId });
  },
};
