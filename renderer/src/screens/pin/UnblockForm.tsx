/** Unblock with the PUK: PUK, new PIN twice. Secrets only in this form's state, cleared after sending. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import type { ErrorInfo } from '../../../../shared/schemas/common';
import { api, call } from '../../bridge';
import { refreshTokens } from '../../state/session';
import { newPinProblem } from './pinRules';
import { SecretField } from './SecretField';

export function UnblockForm({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  const [puk, setPuk] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [tried, setTried] = useState(false);
  const min = token.minPinLength;
  const max = token.maxPinLength;
  const problem = newPinProblem(pin, repeat, min, max);
  const pukLocked = token.soPin.locked;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || puk.length === 0 || pukLocked) return;
    const request = { token: token.label, puk, newPin: pin };
    setPuk('');
    setPin('');
    setRepeat('');
    setTried(false);
    setBusy(true);
    setError(null);
    setDone(false);
    const res = await call(() => api().unblockPin(request));
    setBusy(false);
    if (res.ok) setDone(true);
    else setError(res.error);
    void refreshTokens(api());
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="unblock-title" noValidate>
      <h2 id="unblock-title">{t('pin.unblockTitle')}</h2>
      <p className="muted">{t('pin.unblockLead')}</p>
      {pukLocked && (
        <div className="notice bad" role="alert">
          {t('pin.pukLocked')}
        </div>
      )}
      {!pukLocked && token.soPin.finalTry && (
        <div className="notice bad" role="alert">
          <strong>{t('pin.pukFinalTry')}</strong>
        </div>
      )}
      {!pukLocked && !token.soPin.finalTry && token.soPin.countLow && (
        <div className="notice warn" role="status">
          {t('pin.pukCountLow')}
        </div>
      )}
      <SecretField label={t('pin.puk')} value={puk} onChange={setPuk} maxLength={64} disabled={pukLocked} />
      <SecretField
        label={t('pin.new')}
        value={pin}
        onChange={setPin}
        maxLength={max}
        disabled={pukLocked}
        hint={t('pin.lengthRule', { min, max })}
      />
      <SecretField
        label={t('pin.repeat')}
        value={repeat}
        onChange={setRepeat}
        maxLength={max}
        disabled={pukLocked}
      />
      {tried && problem && (
        <div className="notice warn" role="alert">
          {t(problem, { min, max })}
        </div>
      )}
      {error && (
        <div className="notice bad" role="alert">
          {error.message}
        </div>
      )}
      {done && (
        <div className="notice ok" role="status">
          {t('pin.unblocked')}
        </div>
      )}
      <button type="submit" className="btn primary" disabled={busy || pukLocked}>
        {t('pin.unblockButton')}
      </button>
    </form>
  );
}
