/** verify / extract / exportReport through D's verification engine (electron/core/verify, report). */
import { toErrorInfo } from '../../core/errors';
import type { FileReport } from '../../core/verify/types';
import { loadCore } from '../core-loader';
import type { OpContext, OpHandler } from '../op-types';

interface VerifyParams {
  files: string[];
  offline: boolean;
  content?: string;
  dataDir: string;
}

type VerifyFile = (path: string, opts: { offline: boolean; content?: string }) => Promise<FileReport>;

export const verify: OpHandler = async (raw, ctx: OpContext) => {
  const p = raw as VerifyParams;
  const verifyFile = loadCore<VerifyFile>('verify/verify-file', 'verification', 'verifyFile');
  const reports: FileReport[] = [];
  for (const [i, file] of p.files.entries()) {
    if (ctx.signal.aborted) break;
    const progress = (phase: 'working' | 'done') =>
      ctx.progress({ file, fileIndex: i, fileCount: p.files.length, bytesDone: 0, bytesTotal: 0, phase });
    progress('working');
    try {
      reports.push(await verifyFile(file, { offline: p.offline, content: p.content }));
    } catch (e) {
      reports.push({ file, format: null, error: toErrorInfo(e), signatures: [] });
    }
    progress('done');
  }
  return reports;
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
