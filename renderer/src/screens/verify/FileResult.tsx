/** The verdict of one file: one sentence first (colour + icon + text), then the signatures, then actions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { Icon } from '../../components/Icon';
import { baseName, isSignedEnvelope } from '../../model/files';
import { allSignatures, fileVerdict } from '../../model/verdict';
import { SignatureDetails, TONE_ICON } from './SignatureDetails';
import { DocumentFacts } from './DocumentFacts';
import { NoAnchorHint } from './NoAnchorHint';
import { useDocumentActions } from './useDocumentActions';
import { VisualDiff } from './VisualDiff';
import { hasLaterChanges } from '../../model/visualDiff';
import { canOpenDocument, canOpenRevision } from '../../model/openable';
import { useOpenSigned } from './useOpenSigned';
import { ActionNotice } from './ActionNotice';

export function useFileVerdict(report: FileReport) {
  const { i18n } = useTranslation();
  return fileVerdict(report, i18n.language);
}

export function FileResult({ report, reportId }: { report: FileReport; reportId: string }) {
  const { t } = useTranslation();
  const verdict = useFileVerdict(report);
  const { note, exportReport, extract, extractElsewhere } = useDocumentActions(report, reportId);
  const [showDiff, setShowDiff] = useState(false);
  const opener = useOpenSigned(report, reportId);

  return (
    <article className={`card verdict-card ${verdict.tone}`} aria-label={baseName(report.file)}>
      <div className={`verdict ${verdict.tone}`}>
        <Icon name={TONE_ICON[verdict.tone]} size={28} label={t(`verdict.label.${verdict.tone}`)} />
        <div>
          <div className="verdict-file">{baseName(report.file)}</div>
          <p className="verdict-sentence">{verdict.text}</p>
        </div>
      </div>
      <NoAnchorHint report={report} />
      <DocumentFacts report={report} />
      {report.signatures.length > 0 && (
        <ul className="sig-list">
          {report.signatures.map((s, i) => (
            <SignatureDetails
              key={i}
              sig={s}
              nested={allSignatures(report.signatures).length > 1}
              onOpen={canOpenRevision(report, s) ? () => void opener.open(i + 1) : undefined}
              openBusy={opener.busy}
              index={i + 1}
            />
          ))}
        </ul>
      )}
      <div className="row">
        {canOpenDocument(report) && (
          <button type="button" className="btn" disabled={opener.busy} onClick={() => void opener.open()}>
            <Icon name="file" />
            {t('open.document')}
          </button>
        )}
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
        {hasLaterChanges(report) && (
          <button
            type="button"
            className="btn"
            aria-expanded={showDiff}
            onClick={() => setShowDiff((v) => !v)}
          >
            <Icon name="file" />
            {t(showDiff ? 'visual.hide' : 'visual.show')}
          </button>
        )}
      </div>
      {opener.note && <ActionNotice note={opener.note} />}
      {showDiff && <VisualDiff report={report} reportId={reportId} onClose={() => setShowDiff(false)} />}
      {note && (
        <ActionNotice note={note}>
          {note.chooseFolder && (
            <button
              type="button"
              className="btn link"
              onClick={() => void extractElsewhere(note.chooseFolder?.force ?? false)}
            >
              {t('sign.outputChoose')}
            </button>
          )}
          {note.canForce && (
            <button type="button" className="btn link" onClick={() => void extract(true)}>
              {t('verify.extractAnyway')}
            </button>
          )}
        </ActionNotice>
      )}
    </article>
  );
}
