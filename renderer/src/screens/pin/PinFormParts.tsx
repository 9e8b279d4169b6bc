/** The parts both PIN forms share: new PIN twice with the length rule, and the outcome lines. */
import { useTranslation } from 'react-i18next';
import type { usePinForm } from './usePinForm';
import { SecretField } from './SecretField';

type Form = ReturnType<typeof usePinForm>;

export function NewPinFields({ form, disabled }: { form: Form; disabled: boolean }) {
  const { t } = useTranslation();
  const f = form.fields;
  return (
    <>
      <SecretField
        label={t('pin.new')}
        value={f.pin}
        onChange={f.setPin}
        maxLength={form.max}
        disabled={disabled}
        hint={t('pin.lengthRule', { min: form.min, max: form.max })}
      />
      <SecretField
        label={t('pin.repeat')}
        value={f.repeat}
        onChange={f.setRepeat}
        maxLength={form.max}
        disabled={disabled}
      />
    </>
  );
}

export function PinFormOutcome({ form, doneText }: { form: Form; doneText: string }) {
  const { t } = useTranslation();
  return (
    <>
      {form.problem && (
        <div className="notice warn" role="alert">
          {t(form.problem, { min: form.min, max: form.max })}
        </div>
      )}
      {form.error && (
        <div className="notice bad" role="alert">
          {form.error.message}
        </div>
      )}
      {form.done && (
        <div className="notice ok" role="status">
          {doneText}
        </div>
      )}
    </>
  );
}
