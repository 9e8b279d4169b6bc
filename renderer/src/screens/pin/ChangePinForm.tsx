/** Change PIN: old, new twice, length rules shown. Secrets only in this form's state, cleared after sending. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import type { ErrorInfo } from '../../../../shared/schemas/common';
import { api, call } from '../../bridge';
import { PinTries } from '../../components/PinDialog';
import { refreshTokens } from '../../state/session';
import { newPinProblem } from './pinRules';
import { SecretField } from './SecretField';

export function ChangePinForm({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  const [oldPin, setOld] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [tried, setTried] = useState(false);
  const min = token.minPinLength;
  const max = token.maxPinLength;
  const problem = newPinProblem(pin, repeat, min, max, oldPin);
  const locked = token.userPin.locked;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || oldPin.length === 0 || locked) return;
    const request = { token: token.label, oldPin, newPin: pin };
    setOld('');
    setPin('');
    setRepeat('');
    setTried(false);
    setBusy(true);
    setError(null);
    setDone(false);
    const res = await call(() => api().changePin(request));
    setBusy(false);
    if (res.ok) setDone(true);
    else setError(res.error);
    void refreshTokens(api());
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="change-pin-title" noValidate>
      <h2 id="change-pin-title">{t('pin.changeTitle')}</h2>
      <PinTries status={token.userPin} />
      <SecretField
        label={t('pin.current')}
        value={oldPin}
        onChange={setOld}
        maxLength={max}
        disabled={locked}
      />
      <SecretField
        label={t('pin.new')}
        value={pin}
        onChange={setPin}
        maxLength={max}
        disabled={locked}
        hint={t('pin.lengthRule', { min, max })}
      />
      <SecretField
        label={t('pin.repeat')}
        value={repeat}
        onChange={setRepeat}
        maxLength={max}
        disabled={locked}
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
          {t('pin.changed')}
        </div>
      )}
      <button type="submit" className="btn primary" disabled={busy || locked}>
        {t('pin.changeButton')}
      </button>
    </form>
  );
}
