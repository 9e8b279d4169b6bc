/** Change PIN: old, new twice, length rules shown. Secrets only in this form's state, cleared after sending. */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import { api } from '../../bridge';
import { PinTries } from '../../components/PinDialog';
import { NewPinFields, PinFormOutcome } from './PinFormParts';
import { SecretField } from './SecretField';
import { usePinForm } from './usePinForm';

export function ChangePinForm({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  const locked = token.userPin.locked;
  const form = usePinForm(token, {
    compareWithSecret: true,
    disabled: locked,
    secretMissing: 'pin.errors.noCurrent',
    send: (oldPin, newPin) => api().changePin({ token: token.label, oldPin, newPin }),
  });
  return (
    <form
      className="card"
      onSubmit={(e) => void form.submit(e)}
      aria-labelledby="change-pin-title"
      noValidate
    >
      <h2 id="change-pin-title">{t('pin.changeTitle')}</h2>
      <PinTries status={token.userPin} />
      <SecretField
        label={t('pin.current')}
        value={form.fields.secret}
        onChange={form.fields.setSecret}
        maxLength={form.max}
        disabled={locked}
      />
      <NewPinFields form={form} disabled={locked} />
      <PinFormOutcome form={form} doneText={t('pin.changed')} />
      <button type="submit" className="btn primary" disabled={form.busy || locked}>
        {t('pin.changeButton')}
      </button>
    </form>
  );
}
