/**
 * "Mostra le differenze" (issue 23): for each signature of a PDF that does not cover the whole file, the pages
 * that differ between the signed version and the document now, side by side with the changed regions outlined
 * (rendered in the card worker, never here), the changes in words, and the pages that are identical. Permitted
 * changes only: said so, nothing alarming shown.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport, SignatureReport } from '../../../../shared/schemas/verify';
import type { SignatureVisual, VisualDiffResponse } from '../../../../shared/schemas/visual';
import { api, call, newOperationId } from '../../bridge';
import { pdfChangeItems, pdfChanges } from '../../model/reportFields';
import { signerName } from '../../model/verdict';
import { percent } from '../../model/visualDiff';
import { pageRanges } from '../../../../shared/page-ranges';

type State =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; value: VisualDiffResponse };

function SignatureVisualView({
  sig,
  n,
  sv,
}: {
  sig: SignatureReport;
  n: number;
  sv: SignatureVisual | undefined;
}) {
  const { t, i18n } = useTranslation();
  const changes = pdfChanges(sig);
  const items = pdfChangeItems(sig, i18n.language);
  return (
    <section className="visual-sig" aria-label={t('visual.signature', { n, name: signerName(sig) })}>
      <h4>{t('visual.signature', { n, name: signerName(sig) })}</h4>
      {!sv ? (
        <p className="muted">{t('visual.covers')}</p>
      ) : sv.pages.length === 0 ? (
        <p className={`notice ${changes === 'forbidden' ? 'warn' : 'info'}`}>
          {changes === 'forbidden' ? t('visual.invisibleRefused') : t('visual.harmless')}
        </p>
      ) : (
        <>
          <p className="muted">{t('visual.panels')}</p>
          {sv.pages.map((p) => (
            <figure key={p.page} className="visual-page">
              <figcaption>
                {t(`visual.${p.kind}`, { page: p.page, pct: percent(p.changedFraction, i18n.language) })}
              </figcaption>
              <img
                src={p.image}
                width={p.imageWidth}
                height={p.imageHeight}
                alt={t('visual.imageAlt', { page: p.page, count: p.boxes.length })}
              />
            </figure>
          ))}
        </>
      )}
      {sv && items.length > 0 && (
        <ul className="messages changes" aria-label={t('visual.changeList')}>
          {items.map((c, i) => (
            <li key={i} className={c.allowed ? undefined : 'bad'}>
              {c.reason}
            </li>
          ))}
        </ul>
      )}
      {sv && sv.identical.length > 0 && (
        <p className="visual-identical">
          {t('visual.identical', { count: sv.identical.length, pages: pageRanges(sv.identical) })}
        </p>
      )}
      {sv && sv.notCompared.length > 0 && (
        <p className="muted">{t('visual.notCompared', { pages: pageRanges(sv.notCompared) })}</p>
      )}
    </section>
  );
}

export function VisualDiff({
  report,
  reportId,
  onClose,
}: {
  report: FileReport;
  reportId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    const operationId = newOperationId();
    setState({ kind: 'loading' });
    void call(() => api().visualDiff({ operationId, reportId, file: report.file })).then((r) => {
      if (!live) return;
      live = false;
      setState(r.ok ? { kind: 'done', value: r.value } : { kind: 'error', message: r.error.message });
    });
    return () => {
      // closed before the answer: the worker stops rendering
      if (live) void call(() => api().cancel({ operationId }));
      live = false;
    };
  }, [report.file, reportId]);

  useEffect(() => {
    if (state.kind !== 'loading') heading.current?.focus();
  }, [state.kind]);

  return (
    <section
      className="visual-diff"
      aria-labelledby="visual-diff-title"
      aria-busy={state.kind === 'loading'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3 id="visual-diff-title" ref={heading} tabIndex={-1}>
        {t('visual.title')}
      </h3>
      {state.kind === 'loading' && (
        <p role="status" className="muted">
          {t('visual.loading')}
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert" className="notice bad">
          {state.message}
        </p>
      )}
      {state.kind === 'done' &&
        report.signatures.map((s, i) => (
          <SignatureVisualView
            key={i}
            sig={s}
            n={i + 1}
            sv={state.value.signatures.find((v) => v.signature === i + 1)}
          />
        ))}
      <button type="button" className="btn" onClick={onClose}>
        {t('visual.close')}
      </button>
    </section>
  );
}
