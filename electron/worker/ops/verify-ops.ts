/** verify / extract / exportReport through D's verification engine (electron/core/verify, report). */
import { toErrorInfo } from '../../core/errors';
import type { FileReport } from '../../core/verify/types';
import { openVerification, verifyFiles } from '../../core/verify/session';
import { loadCore } from '../core-loader';
import type { OpContext, OpHandler } from '../op-types';

interface VerifyParams {
  files: string[];
  offline: boolean;
  content?: string;
  trustFiles: string[];
  dataDir: string;
}

export const verify: OpHandler = async (raw, ctx: OpContext) => {
  const p = raw as VerifyParams;
  const base = await openVerification({ trustFiles: p.trustFiles, offline: p.offline });
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

type ExtractFile = (
  path: string,
  opts: { outputDir?: string; overwrite: boolean; force: boolean },
) => Promise<{ output: string } | string>;

interface ExtractParams {
  files: string[];
  outputDir?: string;
  overwrite: boolean;
  force?: boolean;
}

export const extract: OpHandler = async (raw) => {
  const p = raw as ExtractParams;
  const extractFile = loadCore<ExtractFile>('verify/extract', 'extraction', 'extractFile');
  const results = [];
  for (const file of p.files) {
    try {
      const r = await extractFile(file, {
        outputDir: p.outputDir,
        overwrite: p.overwrite,
        force: p.force === true,
      });
      results.push({ file, output: typeof r === 'string' ? r : r.output, error: null });
    } catch (e) {
      results.push({ file, output: null, error: toErrorInfo(e) });
    }
  }
  return { results };
};

type WriteReport = (
  reports: FileReport[],
  outputPath: string,
  opts: { overwrite: boolean },
) => Promise<unknown>;

export const exportReport: OpHandler = async (raw) => {
  const p = raw as { reports: FileReport[]; outputPath: string; overwrite: boolean };
  const writeReport = loadCore<WriteReport>('report/report-pdf', 'PDF report', 'writeReportPdf');
  await writeReport(p.reports, p.outputPath, { overwrite: p.overwrite });
  return { path: p.outputPath };
};
