/**
 * Sign: files, options, the checks before the PIN (existing outputs, files the format cannot sign), the PIN
 * dialog, per-file progress with cancel, results. A refused PIN is shown beside the Sign button, in view.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/schemas/common';
import type { SignResponse } from '../../../../shared/schemas/sign';
import { api } from '../../bridge';
import { useFilePicker } from '../../components/useFilePicker';
import { FileProgressBar } from '../../components/FileProgressBar';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileList } from '../../components/FileList';
import { PinDialog } from '../../components/PinDialog';
import { isPinError, PinErrorNotice } from '../../components/PinErrorNotice';
import { pinEntryRules } from '../../model/pinEntry';
import { isPdf } from '../../model/files';
import { holderName, signatureCertificate } from '../../model/token';
import { refreshTokens } from '../../state/session';
import { currentToken, useApp } from '../../state/store';
import { useOperation } from '../../state/useOperation';
import { SignOptions, type SignChoices } from './SignOptions';
import { SignResults, type SignKind } from './SignResults';
import { ExistingOutputsDialog } from './ExistingOutputsDialog';
import { PlanProblems } from './PlanProblems';
import { useSignCheck } from './useSignCheck';

export function SignScreen() {
  const { t } = useTranslation();
  const files = useApp((s) => s.signFiles);
  const setFiles = useApp((s) => s.setSignFiles);
  const addFiles = useApp((s) => s.addSignFiles);
  const settings = useApp((s) => s.settings);
  const token = useApp(currentToken);
  const op = useOperation<SignResponse>();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const check = useSignCheck(setError);
  const [outcome, setOutcome] = useState<(SignResponse & { kind: SignKind }) | null>(null);
  const [choices, setChoices] = useState<SignChoices>(() => ({
    certId: undefined,
    format: settings?.defaultFormat ?? 'auto',
    visible: null,
    level: settings?.timestamp.enabled && settings.timestamp.url ? 'T' : 'B',
    detached: false,
    countersign: null,
    outputDir: settings?.outputDir ?? null,
  }));
  const hasP7m = files.some((f) => /\.p7m$/i.test(f));
  const countersign = hasP7m ? choices.countersign : null;
  const sigCert = token ? signatureCertificate(token) : undefined;
  useEffect(() => {
    if (token && !token.certificates.some((c) => c.id === choices.certId)) {
      setChoices((c) => ({ ...c, certId: (sigCert ?? token.certificates[0])?.id }));
    }
  }, [token, sigCert, choices.certId]);

  const { clearProblems } = check;
  useEffect(clearProblems, [files, choices.format, clearProblems]);

  const pick = useFilePicker(addFiles, (message) => setError({ code: 'UPLOAD_FAILED', message }));
  const choose = () => pick('any');

  // the visible box applies to PAdES only (not to a detached or counter-signature)
  const pdfBox = choices.detached || countersign !== null ? null : choices.visible;
  const sign = async (pin: string) => {
    const onExisting = check.onExisting;
    check.close();
    if (!token) return;
    setError(null);
    setOutcome(null);
    const res = await op.run((operationId) =>
      api().sign({
        operationId,
        files,
        format: choices.format,
        token: token.label,
        certId: choices.certId,
        digest: settings?.digest ?? 'sha256',
        visible: pdfBox ?? undefined,
        outputDir: choices.outputDir ?? undefined,
        overwrite: onExisting === 'replace',
        rename: onExisting === 'rename',
        nest: settings?.nestSignatures ?? false,
        level: choices.level,
        detached: choices.detached,
        countersign: countersign ?? undefined,
        pin,
      }),
    );
    if (res.ok)
      setOutcome({
        ...res.value,
        kind: { level: choices.level, detached: choices.detached, countersign: countersign !== null },
      });
    else setError(res.error);
    void refreshTokens(api());
  };

  const cert = token?.certificates.find((c) => c.id === choices.certId);
  return (
    <>
      <h1>{t('sign.title')}</h1>
      <p className="lead">{t('sign.lead')}</p>
      {files.length === 0 ? (
        <section className="card empty">
          <strong>{t('sign.emptyTitle')}</strong>
          <p>{t('sign.emptyHint')}</p>
          <button type="button" className="btn primary" onClick={choose}>
            {t('home.chooseFiles')}
          </button>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="sign-files">
            <h2 id="sign-files">{t('sign.files', { count: files.length })}</h2>
            {op.running ? (
              files.map((f) => <FileProgressBar key={f} file={f} progress={op.progress[f]} />)
            ) : (
              <FileList files={files} onRemove={(f) => setFiles(files.filter((x) => x !== f))} />
            )}
            {!op.running && (
              <button type="button" className="btn" onClick={choose}>
                {t('sign.addFiles')}
              </button>
            )}
          </section>
          {!token && (
            <div className="notice warn" role="alert">
              {t('sign.noCard')}
            </div>
          )}
          {token && !op.running && (
            <section className="card" aria-label={t('sign.options')}>
              <SignOptions
                token={token}
                settings={settings}
                pdfFile={files.find(isPdf)}
                hasP7m={hasP7m}
                choices={{ ...choices, countersign }}
                onChange={setChoices}
              />
            </section>
          )}
          <div className="row actions-row">
            {op.running ? (
              <button type="button" className="btn danger" onClick={() => void op.cancel()}>
                {t('common.cancel')}
              </button>
            ) : (
              <button
                type="button"
                className="btn primary"
                disabled={
                  !token ||
                  !cert ||
                  token.userPin.locked ||
                  (countersign !== null && !choices.outputDir) ||
                  check.stage === 'checking'
                }
                onClick={() => {
                  setError(null);
                  setOutcome(null);
                  void check.start({
                    files,
                    format: choices.format,
                    outputDir: choices.outputDir,
                    nest: settings?.nestSignatures ?? false,
                    detached: choices.detached,
                  });
                }}
              >
                {t('sign.signButton', { count: files.length })}
              </button>
            )}
            {token?.userPin.locked && <span className="pill bad">{t('device.pinLocked')}</span>}
            {check.stage === 'checking' && <span className="muted">{t('signCheck.checking')}</span>}
          </div>
          {token && isPinError(error) && (
            <PinErrorNotice
              error={error}
              status={token.userPin}
              rules={pinEntryRules(token)}
              onRetry={() => {
                setError(null);
                check.askPin();
              }}
            />
          )}
          {check.problems.length > 0 && <PlanProblems problems={check.problems} />}
        </>
      )}
      {error && !(token && isPinError(error)) && <ErrorNotice message={error.message} />}
      {outcome && <SignResults results={outcome.results} cancelled={outcome.cancelled} kind={outcome.kind} />}
      {check.stage === 'exists' && (
        <ExistingOutputsDialog existing={check.existing} onChoose={check.choose} onCancel={check.close} />
      )}
      {check.stage === 'pin' && token && (
        <PinDialog
          title={t('pinDialog.signTitle')}
          description={t('pinDialog.signDescription', { count: files.length, name: holderName(cert) })}
          status={token.userPin}
          minLength={pinEntryRules(token).min}
          maxLength={pinEntryRules(token).max}
          onSubmit={(pin) => void sign(pin)}
          onCancel={check.close}
        />
      )}
    </>
  );
}
