/**
 * openSigned (issue 21 flow 5): a file of a verification still held here → its signed document, written by the
 * card worker into the app's private temporary folder, then handed to the system viewer (the harness: offered as
 * a download). A program, a script or a page that runs code is never opened: the answer says where it is.
 */
import { resolve, sep } from 'node:path';
import { failure } from '../../core/errors';
import { openPlan } from '../../core/open/open-plan';
import { openSessionDir } from '../../core/open/open-folder';
import type { HandlerTable } from './handler-types';

export const openHandlers: HandlerTable<'openSigned'> = {
  openSigned: async (req, ctx) => {
    // only a file of this verification, as it was then: the page names nothing else
    const [report] = ctx.reports.select(req.reportId, req.file);
    const plan = openPlan(report, req.signature);
    const sessionDir = openSessionDir(ctx.info.userDataDir);
    const doc = await ctx.worker.call('openSigned', {
      file: report.file,
      plan,
      stamp: ctx.reports.stamp(req.reportId, resolve(report.file)),
      sessionDir,
    });
    // the viewer only ever gets a file of the private folder
    if (!resolve(doc.path).startsWith(sessionDir + sep))
      throw failure('OPEN_TEMP_UNSAFE', { path: doc.path });
    if (doc.risk) return { ...doc, outcome: 'saved' as const };
    const { downloadUrl } = await ctx.desktop.openPath(doc.path, doc.name);
    return downloadUrl
      ? { ...doc, outcome: 'download' as const, downloadUrl }
      : { ...doc, outcome: 'opened' as const };
  },
};
