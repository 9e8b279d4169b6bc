/**
 * "Esporta rapporto (PDF)": asks where, then has the main process write the report — of the file in view, or of
 * the whole batch when no file is named (the batch table's own button). The answer as a note for the screen.
 */
import type { TFunction } from 'i18next';
import { api, call } from '../../bridge';
import { baseName } from '../../model/files';

export interface ReportNote {
  tone: 'ok' | 'bad';
  text: string;
  path?: string;
}

export async function exportReportPdf(
  t: TFunction,
  reportId: string,
  defaultName: string,
  file?: string,
): Promise<ReportNote | null> {
  const target = await call(() =>
    api().chooseSavePath({ defaultName, kind: 'pdf', title: t('verify.exportReport') }),
  );
  if (!target.ok) return { tone: 'bad', text: target.error.message };
  const outputPath = target.value.path;
  if (!outputPath) return null;
  // the save dialog already asked before replacing a file
  const res = await call(() =>
    api().exportReport({ reportId, outputPath, overwrite: true, ...(file ? { file } : {}) }),
  );
  return res.ok
    ? { tone: 'ok', text: t('verify.reportSaved', { name: baseName(res.value.path) }), path: res.value.path }
    : { tone: 'bad', text: res.error.message };
}
