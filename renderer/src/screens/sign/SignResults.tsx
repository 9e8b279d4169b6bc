/** One line per signed file: the output and "Mostra nella cartella" / "Verifica", or the error in plain words. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignFileResult, SignLevel } from '../../../../shared/schemas/sign';
import { api, call } from '../../bridge';
import { Icon } from '../../components/Icon';
import { baseName } from '../../model/files';
import { useApp } from '../../state/store';

/** How the batch was signed (for the label of each output). */
export interface SignKind {
  level: SignLevel;
  detached: boolean;
  countersign: boolean;
}

function labelKey(format: NonNullable<SignFileResult['format']>, kind: SignKind): string {
  if (format !== 'cades') return format;
  return kind.countersign ? 'countersign' : kind.detached ? 'detached' : 'cades';
}

export function SignResults({
  results,
  cancelled,
  kind,
}: {
  results: SignFileResult[];
  cancelled: boolean;
  kind: SignKind;
}) {
  const { t } = useTranslation();
  const app = useApp();
  const ok = results.filter((r) => r.output && !r.error).length;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, [results]);
  const verify = (paths: string[]) => {
    app.setVerifyFiles([]);
    app.addVerifyFiles(paths);
    app.navigate('verify');
  };
  return (
    <section className="card" aria-labelledby="sign-results">
      <h2 id="sign-results" ref={heading} tabIndex={-1}>
        {t('sign.resultsTitle')}
      </h2>
      <p role="status">
        {cancelled
          ? t('sign.cancelled', { ok, count: results.length })
          : t('sign.summary', { ok, count: results.length })}
      </p>
      <ul className="result-list">
        {results.map((r) => (
          <li key={r.file} className={r.error ? 'result bad' : 'result ok'}>
            <Icon name={r.error ? 'bad' : 'ok'} label={t(r.error ? 'common.error' : 'common.done')} />
            <div className="result-text">
              <div className="file-name">{baseName(r.file)}</div>
              {r.output && !r.error && (
                <div className="muted">
                  {t('sign.savedAs', { name: baseName(r.output) })}{' '}
                  {r.format && (
                    <span className="pill">
                      {t(`signLevel.label.${labelKey(r.format, kind)}`)} ·{' '}
                      {t('signLevel.label.level', { level: kind.level })}
                    </span>
                  )}
                </div>
              )}
              {r.error && <div>{r.error.message}</div>}
            </div>
            {r.output && !r.error && (
              <div className="row">
                <button
                  type="button"
                  className="btn"
                  onClick={() => void call(() => api().showItemInFolder({ path: r.output as string }))}
                >
                  <Icon name="folder" />
                  {t('common.showInFolder')}
                </button>
                <button type="button" className="btn" onClick={() => verify([r.output as string])}>
                  <Icon name="verify" />
                  {t('common.verify')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {ok > 1 && (
        <button
          type="button"
          className="btn"
          onClick={() => verify(results.flatMap((r) => (r.output && !r.error ? [r.output] : [])))}
        >
          {t('sign.verifyAll')}
        </button>
      )}
    </section>
  );
}
