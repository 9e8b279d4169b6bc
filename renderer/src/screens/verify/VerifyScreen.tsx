/** Verify: files in, one verdict per file (or a batch table), details, report PDF, extraction. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/schemas/common';
import type { VerifyResponse } from '../../../../shared/schemas/verify';
import { api } from '../../bridge';
import { useFilePicker } from '../../components/useFilePicker';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileList } from '../../components/FileList';
import { FileProgressBar } from '../../components/FileProgressBar';
import { useApp } from '../../state/store';
import { useOperation } from '../../state/useOperation';
import { BatchTable } from './BatchTable';
import { FileResult } from './FileResult';

export function VerifyScreen() {
  const { t } = useTranslation();
  const files = useApp((s) => s.verifyFiles);
  const runCount = useApp((s) => s.verifyRun);
  const setFiles = useApp((s) => s.setVerifyFiles);
  const addFiles = useApp((s) => s.addVerifyFiles);
  const op = useOperation<VerifyResponse>();
  const [offline, setOffline] = useState(false);
  const result = useApp((s) => s.verifyResult);
  const setResult = useApp((s) => s.setVerifyResult);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const verify = async (paths: string[]) => {
    if (paths.length === 0) return;
    setError(null);
    setResult(null);
    const res = await op.run((operationId) => api().verify({ operationId, files: paths, offline }));
    if (res.ok) setResult(res.value);
    else setError(res.error);
  };

  useEffect(() => {
    // runs when new files are handed over (runCount bumps), once: not again when the screen mounts again
    const app = useApp.getState();
    if (runCount > app.verifyHandled) {
      app.markVerifyHandled(runCount);
      void verify(app.verifyFiles);
    }
  }, [runCount]);

  const pick = useFilePicker(
    (paths) => addFiles(paths),
    (message) => setError({ code: 'UPLOAD_FAILED', message }),
  );
  const choose = () => pick('verify');

  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.lead')}</p>
      {files.length === 0 ? (
        <section className="card empty">
          <strong>{t('verify.emptyTitle')}</strong>
          <p>{t('verify.emptyHint')}</p>
          <button type="button" className="btn primary" onClick={choose}>
            {t('home.chooseFiles')}
          </button>
        </section>
      ) : (
        <section className="card" aria-labelledby="verify-files">
          <h2 id="verify-files">{t('verify.files', { count: files.length })}</h2>
          {op.running ? (
            files.map((f) => <FileProgressBar key={f} file={f} progress={op.progress[f]} />)
          ) : (
            <FileList
              files={files}
              onRemove={(f) => {
                setFiles(files.filter((x) => x !== f));
                setResult(null);
              }}
            />
          )}
          <div className="row actions-row">
            {op.running ? (
              <button type="button" className="btn danger" onClick={() => void op.cancel()}>
                {t('common.cancel')}
              </button>
            ) : (
              <>
                <button type="button" className="btn primary" onClick={() => void verify(files)}>
                  {t('verify.verifyButton')}
                </button>
                <button type="button" className="btn" onClick={choose}>
                  {t('sign.addFiles')}
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    setFiles([]);
                    setResult(null);
                  }}
                >
                  {t('verify.clear')}
                </button>
                <label className="choice">
                  <input type="checkbox" checked={offline} onChange={(e) => setOffline(e.target.checked)} />
                  <span>{t('verify.offline')}</span>
                </label>
              </>
            )}
          </div>
        </section>
      )}
      {error && <ErrorNotice message={error.message} />}
      {result && result.reports.length === 1 && result.reports[0] && (
        <FileResult report={result.reports[0]} reportId={result.reportId} />
      )}
      {result && result.reports.length > 1 && (
        <BatchTable reports={result.reports} reportId={result.reportId} />
      )}
    </>
  );
}
