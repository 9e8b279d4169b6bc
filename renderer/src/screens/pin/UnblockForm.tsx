/** Unblock with the PUK: PUK, new PIN twice. Secrets only in this form's state, cleared after sending. */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import { LIMITS } from '../../../../shared/limits';
import { api } from '../../bridge';
import { NewPinFields, PinFormOutcome } from './PinFormParts';
import { SecretField } from './SecretField';
import { usePinForm } from './usePinForm';

function PukTries({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  if (token.soPin.locked) {
    return (
      <div className="notice bad" role="alert">
        {t('pin.pukLocked')}
      </div>
    );
  }
  if (token.soPin.finalTry) {
    return (
      <div className="notice bad" role="alert">
        <strong>{t('pin.pukFinalTry')}</strong>
      </div>
    );
  }
  if (token.soPin.countLow) {
    return (
      <div className="notice warn" role="status">
        {t('pin.pukCountLow')}
      </div>
    );
  }
  return null;
}

export function UnblockForm({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  const locked = token.soPin.locked;
  const form = usePinForm(token, {
    compareWithSecret: false,
    disabled: locked,
    secretMissing: 'pin.errors.noPuk',
    send: (puk, newPin) => api().unblockPin({ token: token.label, puk, newPin }),
  });
  return (
    <form className="card" onSubmit={(e) => void form.submit(e)} aria-labelledby="unblock-title" noValidate>
      <h2 id="unblock-title">{t('pin.unblockTitle')}</h2>
      <p className="muted">{t('pin.unblockLead')}</p>
      <PukTries token={token} />
      <SecretField
        label={t('pin.puk')}
        value={form.fields.secret}
        onChange={form.fields.setSecret}
        maxLength={LIMITS.secretChars}
        disabled={locked}
      />
      <NewPinFields form={form} disabled={locked} />
      <PinFormOutcome form={form} doneText={t('pin.unblocked')} />
      <button type="submit" className="btn primary" disabled={form.busy || locked}>
        {t('pin.unblockButton')}
      </button>
    </form>
  );
}
