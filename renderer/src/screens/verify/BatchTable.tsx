/** Many files at once: one row per file with its verdict, a filter, CSV export, a row opens the details. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { toCsv } from '../../model/csv';
import { baseName } from '../../model/files';
import { allSignatures, fileVerdict, signerName, type Tone } from '../../model/verdict';
import { ToneLabel } from './SignatureDetails';
import { FileResult } from './FileResult';
import { exportReportPdf, type ReportNote } from './reportExport';

type Filter = 'all' | Tone;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BatchTable({ reports, reportId }: { reports: FileReport[]; reportId: string }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const openReport = open ? reports.find((r) => r.file === open) : undefined;
  const details = useRef<HTMLDivElement>(null);
  // a row opens its details below the table: bring them into view (the table may be long)
  useEffect(() => {
    if (open) details.current?.scrollIntoView?.({ block: 'start' });
  }, [open]);
  const lang = i18n.language;
  const rows = useMemo(() => {
    return reports.map((r) => {
      const v = fileVerdict(r, lang);
      const signers = allSignatures(r.signatures).map(signerName).join(', ');
      // a file valid only for part of it: its own word, not "cannot be verified" (amber all the same)
      const partial = v.sentence.key === 'partlySigned';
      return { report: r, tone: v.tone, partial, sentence: v.text, signers };
    });
  }, [reports, lang]);
  const needle = text.trim().toLowerCase();
  const shown = rows.filter(
    (r) =>
      (filter === 'all' || r.tone === filter) &&
      (!needle || `${baseName(r.report.file)} ${r.signers}`.toLowerCase().includes(needle)),
  );
  const counts = { ok: 0, warn: 0, bad: 0, none: 0 };
  rows.forEach((r) => counts[r.tone]++);
  const [note, setNote] = useState<ReportNote | null>(null);
  // the whole batch in one PDF, only on this button (a row's own button reports that file alone)
  const exportBatch = async () => {
    const got = await exportReportPdf(t, reportId, `${t('verify.reportSuffix')}.pdf`);
    if (got) setNote(got);
  };
  const exportCsv = () =>
    download(
      t('verify.csvName'),
      toCsv(
        [t('verify.col.file'), t('verify.col.verdict'), t('verify.col.signers'), t('verify.col.reason')],
        shown.map((r) => [
          r.report.file,
          t(`verdict.label.${r.partial ? 'partial' : r.tone}`),
          r.signers,
          r.sentence,
        ]),
      ),
    );
  return (
    <section className="card" aria-labelledby="batch-title">
      <h2 id="batch-title">{t('verify.batchTitle', { count: reports.length })}</h2>
      <p role="status">
        {t('verify.batchSummary', { ok: counts.ok, warn: counts.warn, bad: counts.bad })}
        {counts.none > 0 && ` · ${t('verify.batchSummaryNone', { count: counts.none })}`}
      </p>
      <div className="row" style={{ marginBottom: 10 }}>
        <label className="field inline">
          <span className="label">{t('verify.filter')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="all">{t('verify.filterAll')}</option>
            <option value="ok">{t('verdict.label.ok')}</option>
            <option value="bad">{t('verdict.label.bad')}</option>
            <option value="warn">{t('verdict.label.warn')}</option>
            <option value="none">{t('verdict.label.none')}</option>
          </select>
        </label>
        <label className="field inline">
          <span className="label">{t('verify.search')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={exportCsv}>
          {t('verify.exportCsv')}
        </button>
        <button type="button" className="btn" onClick={() => void exportBatch()}>
          {t('verify.exportBatchReport')}
        </button>
      </div>
      {note && (
        <p role="status" className={note.tone === 'bad' ? 'error' : 'muted'}>
          {note.text}
        </p>
      )}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('verify.col.file')}</th>
            <th scope="col">{t('verify.col.verdict')}</th>
            <th scope="col">{t('verify.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.report.file}>
              <td>
                <button
                  type="button"
                  className="btn link"
                  aria-expanded={open === r.report.file}
                  onClick={() => setOpen(open === r.report.file ? null : r.report.file)}
                >
                  {baseName(r.report.file)}
                </button>
              </td>
              <td>
                <ToneLabel tone={r.tone} partial={r.partial} />
              </td>
              <td>{r.sentence}</td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('verify.filterNone')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {openReport && (
        <div ref={details} style={{ marginTop: 14 }}>
          <FileResult report={openReport} reportId={reportId} />
        </div>
      )}
    </section>
  );
}
