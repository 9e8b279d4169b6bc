/** verify / extract / exportReport through D's verification engine (electron/core/verify, report). */
import { toErrorInfo } from '../../core/errors';
import { openVerification, verifyFiles } from '../../core/validate/session';
import { extractFile } from '../../core/verify/extract';
import { regularInput } from '../../core/files/file-kind';
import { extractAsic, isZipFile } from '../../core/asic/asic-extract';
import { writeVerificationReport } from '../../core/report/verification-report';
import { reportTrustState } from '../../core/report/report-context';
import type { WorkerOp } from '../op-types';

export const verify: WorkerOp<'verify'> = async (p, ctx) => {
  const base = await openVerification({ trustFiles: p.trustFiles, offline: p.offline, trustedLists: true });
  const opts = p.content ? { ...base, content: p.content } : base;
  return verifyFiles(p.files, opts, undefined, (done, total) => {
    const file = p.files[done - 1] ?? '';
    ctx.progress({
      file,
      fileIndex: done - 1,
      fileCount: total,
      bytesDone: done,
      bytesTotal: total,
      phase: 'done',
    });
  });
};

export const extract: WorkerOp<'extract'> = async (p) => {
  const results = [];
  for (const file of p.files) {
    try {
      const o = { outDir: p.outputDir, overwrite: p.overwrite, force: p.force === true };
      await regularInput(file); // sniffing opens the file: a FIFO or device would block the worker
      results.push((await isZipFile(file)) ? await extractAsic(file, o) : await extractFile(file, o));
    } catch (e) {
      results.push({ file, output: null, error: toErrorInfo(e), integrity: null, levels: 0 });
    }
  }
  return { results };
};

export const exportReport: WorkerOp<'exportReport'> = async (p) => {
  // the app verifies with the cached EU trusted lists and the trusted files of its settings
  const trust = await reportTrustState({ trustedLists: true, trustFiles: p.trustFiles });
  await writeVerificationReport(p.reports, p.outputPath, { overwrite: p.overwrite, trust });
  return { path: p.outputPath };
};
