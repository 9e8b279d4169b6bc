/**
 * The work of `sigillo verify` (commands/verify.ts holds its words and help): loaded by the command once it
 * has started what can start early (the hashing of a big p7m's content), so that loading overlaps it.
 */
import { resolve } from 'node:path';
import { t } from '../../core/i18n/translate';
import { checkOutput } from '../../core/files/atomic-output';
import { regularInput } from '../../core/files/file-kind';
import { trustStatus } from '../../core/tsl/tsl-status';
import { EXIT_FAILURE, EXIT_OK, type CommandContext } from '../command';
import { expandInputs, nothingToVerify } from './verify-inputs';
import { allPassed, fileSummary } from './verify-text';
import { staleWarning } from './trust-text';
import { checkVisualDir, visualLines, writeVisualDiff } from './verify-visual';
import { withCliHint } from '../error-hints';
import { verifySession, type EarlyStart } from './verify-threads';
import { tuneForBatch, tuneForBigPdf } from '../batch-tiering';
import type { FileReport } from '../../core/verify/types';
import { reportPassed } from '../../core/validate/report-passed';
import {
  isPrinted,
  jsonArrayParts,
  jsonElement,
  utf8Bytes,
  type PrintedReport,
} from '../../core/validate/report-json';

/** `early`: the files and verifier threads verify.ts started before loading this (verify-threads.ts) */
export async function verifyRun(ctx: CommandContext, early: EarlyStart = {}): Promise<number> {
  try {
    return await verifyAndReport(ctx, early);
  } finally {
    early.threads?.stop(); // ended already after a run; not when a check failed first
  }
}

/** the report with the CLI option that fixes its error, if any, added to the message */
function withHint(r: FileReport): FileReport {
  return r.error ? { ...r, error: withCliHint(r.error) } : r;
}

/** Prints runPrinted's reports: the same bytes as `ctx.out.result(reports)`; the exit code. */
function printJson(ctx: CommandContext, results: (FileReport | PrintedReport)[]): number {
  let passed = true;
  const elements = results.map((r) => {
    if (isPrinted(r)) {
      passed &&= r.passed;
      return r.printed;
    }
    const report = withHint(r);
    passed &&= reportPassed(report);
    return utf8Bytes(jsonElement(report));
  });
  ctx.out.resultJson(jsonArrayParts(elements));
  return passed ? EXIT_OK : EXIT_FAILURE;
}

async function verifyAndReport(ctx: CommandContext, early: EarlyStart): Promise<number> {
  const reportPath = typeof ctx.values.report === 'string' ? resolve(ctx.values.report) : undefined;
  const overwrite = ctx.values.overwrite === true;
  if (reportPath) await checkOutput(reportPath, { overwrite });
  const visualDir =
    typeof ctx.values['visual-diff'] === 'string'
      ? await checkVisualDir(ctx.values['visual-diff'])
      : undefined;
  const sessionOptions = verifySession(ctx);
  const content = typeof ctx.values.content === 'string' ? ctx.values.content : undefined;
  if (content) await regularInput(content); // a FIFO or device as --content would be read forever
  const files = early.files ?? (await expandInputs(ctx.positionals));
  const { openVerification, verifyFiles } = await import('../../core/validate/session.js');
  const session = await openVerification(sessionOptions);
  if (ctx.values['no-tsl'] !== true) {
    const stale = staleWarning(await trustStatus(ctx.env));
    if (stale) ctx.out.warn(stale);
  }
  if (files.length === 0) throw nothingToVerify(ctx.positionals);
  // the batch's V8 flags, unless set already by verify-threads.ts; with verifier threads, the thread sets them
  // once it has loaded Node's built-ins (set here, they could change under a thread still loading them)
  if (!early.threads) tuneForBatch(files.length, ctx.env);
  // the one big PDF the bin is hashing: set now, its hashing thread has long loaded its code
  if (ctx.early?.pdfHash && files.length === 1) tuneForBigPdf(ctx.env);
  const opts = { ...session, content };
  // JSON only, with verifier threads: each report is printed by the thread that verified it, as it is verified
  if (early.threads && ctx.out.json && !reportPath && !visualDir) {
    return printJson(ctx, await early.threads.runPrinted(files, opts));
  }
  const verified = early.threads ? await early.threads.run(files, opts) : await verifyFiles(files, opts);
  const reports = verified.map(withHint);
  const visual = visualDir ? await writeVisualDiff(reports, visualDir, overwrite) : undefined;
  if (ctx.out.json) ctx.out.result(reports);
  else for (const r of reports) ctx.out.line(fileSummary(r));
  if (visual && !ctx.out.json) for (const l of visualLines(reports, visual)) ctx.out.line(l);
  if (reportPath) {
    // loaded only when asked for: pdf-lib costs a noticeable part of the start-up
    const { writeVerificationReport } = await import('../../core/report/verification-report.js');
    const { reportTrustState } = await import('../../core/report/report-context.js');
    const trust = await reportTrustState({
      trustedLists: ctx.values['no-tsl'] !== true,
      trustFiles: (ctx.values.trust as string[] | undefined) ?? [],
      env: ctx.env,
    });
    await writeVerificationReport(reports, reportPath, { overwrite, trust, visual });
    if (!ctx.out.json) ctx.out.warn(t({ it: 'Rapporto: {p}', en: 'Report: {p}' }, { p: reportPath }));
  }
  return allPassed(reports) ? EXIT_OK : EXIT_FAILURE;
}
