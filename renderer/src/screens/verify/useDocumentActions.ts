/**
 * "Esporta rapporto (PDF)" and "Estrai documento" for one verified file, with the line that tells how it went.
 * Extraction never overwrites: when the file exists the user picks another folder; when a signature does not
 * verify the user may still extract the document to read it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { api, call } from '../../bridge';
import { baseName } from '../../model/files';
import { exportReportPdf } from './reportExport';

export interface ActionNote {
  tone: 'ok' | 'bad' | 'warn';
  text: string;
  path?: string;
  /** extraction refused because a signature does not verify: the user may still want to read the document */
  canForce?: boolean;
  /** the output exists: offer another folder (same force choice) */
  chooseFolder?: { force: boolean };
}

export function useDocumentActions(report: FileReport, reportId: string) {
  const { t } = useTranslation();
  const [note, setNote] = useState<ActionNote | null>(null);

  const exportReport = async () => {
    const name = `${baseName(report.file)}.${t('verify.reportSuffix')}.pdf`;
    const got = await exportReportPdf(t, reportId, name, report.file); // the file in view only
    if (got) setNote(got);
  };

  const extract = async (force: boolean, outputDir?: string) => {
    const res = await call(() =>
      api().extract({
        files: [report.file],
        overwrite: false,
        ...(outputDir ? { outputDir } : {}),
        ...(force ? { force: true } : {}),
      }),
    );
    if (!res.ok) return setNote({ tone: 'bad', text: res.error.message });
    const first = res.value.results[0];
    if (first?.error?.code === 'OUTPUT_EXISTS') {
      setNote({ tone: 'warn', text: t('verify.extractExists'), chooseFolder: { force } });
    } else if (first?.error) {
      setNote({ tone: 'bad', text: first.error.message, canForce: !force && first.integrity === 'invalid' });
    } else if (first?.output) {
      const name = baseName(first.output);
      setNote(
        first.integrity === 'invalid'
          ? { tone: 'warn', text: t('verify.extractedDamaged', { name }), path: first.output }
          : { tone: 'ok', text: t('verify.extracted', { name }), path: first.output },
      );
    }
  };

  const extractElsewhere = async (force: boolean) => {
    const res = await call(() => api().chooseFolder({ title: t('verify.extract') }));
    if (res.ok && res.value.path) await extract(force, res.value.path);
  };

  return { note, exportReport, extract, extractElsewhere };
}
