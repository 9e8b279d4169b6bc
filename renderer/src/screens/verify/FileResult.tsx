/** The verdict of one file: one sentence first (colour + icon + text), then the signatures, then actions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { api, call } from '../../bridge';
import { Icon } from '../../components/Icon';
import { formatDate, formatTime } from '../../model/dates';
import { baseName, isSignedEnvelope } from '../../model/files';
import { allSignatures, fileVerdict } from '../../model/verdict';
import { SignatureDetails, TONE_ICON } from './SignatureDetails';
import { DocumentFacts } from './DocumentFacts';

interface ActionNote {
  tone: 'ok' | 'bad' | 'warn';
  text: string;
  path?: string;
  /** extraction refused because a signature does not verify: the user may still want to read the document */
  canForce?: boolean;
}

export function useFileVerdict(report: FileReport) {
  const { t, i18n } = useTranslation();
  const fmt = {
    date: (d: string) => formatDate(d, i18n.language),
    time: (d: string) => formatTime(d, i18n.language),
  };
  const v = fileVerdict(report, fmt);
  return { ...v, text: t(v.sentence.key, v.sentence.params) };
}

export function FileResult({ report, reportId }: { report: FileReport; reportId: string }) {
  const { t } = useTranslation();
  const verdict = useFileVerdict(report);
  const [note, setNote] = useState<ActionNote | null>(null);

  const exportReport = async () => {
    const name = `${baseName(report.file)}.${t('verify.reportSuffix')}.pdf`;
    const target = await call(() =>
      api().chooseSavePath({ defaultName: name, kind: 'pdf', title: t('verify.exportReport') }),
    );
    if (!target.ok) return setNote({ tone: 'bad', text: target.error.message });
    if (!target.value.path) return;
    const outputPath = target.value.path;
    const res = await call(() => api().exportReport({ reportId, outputPath, overwrite: true }));
    setNote(
      res.ok
        ? {
            tone: 'ok',
            text: t('verify.reportSaved', { name: baseName(res.value.path) }),
            path: res.value.path,
          }
        : { tone: 'bad', text: res.error.message },
    );
  };
  const extract = async (force: boolean) => {
    const res = await call(() =>
      api().extract({ files: [report.file], overwrite: false, ...(force ? { force: true } : {}) }),
    );
    const first = res.ok ? res.value.results[0] : undefined;
    if (!res.ok) setNote({ tone: 'bad', text: res.error.message });
    else if (first?.error)
      setNote({ tone: 'bad', text: first.error.message, canForce: !force && first.integrity === 'invalid' });
    else if (first?.output) {
      const name = baseName(first.output);
      setNote(
        first.integrity === 'invalid'
          ? { tone: 'warn', text: t('verify.extractedDamaged', { name }), path: first.output }
          : { tone: 'ok', text: t('verify.extracted', { name }), path: first.output },
      );
    }
  };

  return (
    <article className={`card verdict-card ${verdict.tone}`} aria-label={baseName(report.file)}>
      <div className={`verdict ${verdict.tone}`}>
        <Icon name={TONE_ICON[verdict.tone]} size={28} label={t(`verdict.label.${verdict.tone}`)} />
        <div>
          <div className="verdict-file">{baseName(report.file)}</div>
          <p className="verdict-sentence">{verdict.text}</p>
        </div>
      </div>
      <DocumentFacts report={report} />
      {report.signatures.length > 0 && (
        <ul className="sig-list">
          {report.signatures.map((s, i) => (
            <SignatureDetails key={i} sig={s} nested={allSignatures(report.signatures).length > 1} />
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" className="btn" onClick={() => void exportReport()}>
          <Icon name="file" />
          {t('verify.exportReport')}
        </button>
        {isSignedEnvelope(report.file) && !report.file.toLowerCase().endsWith('.p7s') && (
          <button type="button" className="btn" onClick={() => void extract(false)}>
            <Icon name="upload" />
            {t('verify.extract')}
          </button>
        )}
      </div>
      {note && (
        <div className={`notice ${note.tone}`} role="status" style={{ marginTop: 12 }}>
          <span>{note.text}</span>
          {note.canForce && (
            <button type="button" className="btn link" onClick={() => void extract(true)}>
              {t('verify.extractAnyway')}
            </button>
          )}
          {note.path && (
            <button
              type="button"
              className="btn link"
              onClick={() => void call(() => api().showItemInFolder({ path: note.path as string }))}
            >
              {t('common.showInFolder')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
