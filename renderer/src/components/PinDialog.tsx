/**
 * Asks for the PIN once. The PIN lives only in this component's state, is handed to onSubmit and cleared at once;
 * it never reaches the store or a log. Tries left come from the token's PIN flags; on the last try a strong
 * warning. The dialog never reopens by itself after a wrong PIN: the caller shows the error and the user decides.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinStatus } from '../../../shared/schemas/certificates';
import { useApp } from '../state/store';
import { Dialog } from './Dialog';
import { Icon } from './Icon';

export interface PinDialogProps {
  title: string;
  /** what will happen, one sentence (e.g. "Firma di 2 file con il certificato di VERDI GIULIA") */
  description?: string;
  status: PinStatus;
  minLength: number;
  maxLength: number;
  onSubmit(pin: string): void;
  onCancel(): void;
}

export function PinTries({ status }: { status: PinStatus }) {
  const { t } = useTranslation();
  if (status.locked) {
    return (
      <div className="notice bad" role="alert">
        <Icon name="bad" />
        <span>{t('pinDialog.locked')}</span>
      </div>
    );
  }
  if (status.finalTry) {
    return (
      <div className="notice bad" role="alert">
        <Icon name="warn" />
        <strong>{t('pinDialog.finalTry')}</strong>
      </div>
    );
  }
  if (status.countLow) {
    return (
      <div className="notice warn" role="status">
        <Icon name="warn" />
        <span>{t('pinDialog.countLow')}</span>
      </div>
    );
  }
  return null;
}

export function PinDialog({
  title,
  description,
  status,
  minLength,
  maxLength,
  onSubmit,
  onCancel,
}: PinDialogProps) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const [pin, setPin] = useState('');
  const id = useId();
  const tooShort = pin.length < Math.max(1, minLength);
  // checked here and again in the core before the card: a PIN that cannot be right never costs a try
  const malformed = pin.length > 0 && (!/^[0-9]+$/.test(pin) || pin.length > maxLength);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tooShort || malformed || status.locked) return;
    const value = pin;
    setPin('');
    onSubmit(value);
  };
  const cancel = () => {
    setPin('');
    onCancel();
  };
  return (
    <Dialog labelledBy={`${id}-title`} onClose={cancel} onSubmit={submit}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p>{description}</p>}
      <PinTries status={status} />
      <div className="field">
        <label htmlFor={`${id}-pin`}>{t('pinDialog.label')}</label>
        <input
          id={`${id}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          maxLength={Math.max(maxLength, minLength, 1)}
          value={pin}
          disabled={status.locked}
          onChange={(e) => setPin(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <span
          className={malformed ? 'hint bad-text' : 'hint'}
          id={`${id}-hint`}
          role={malformed ? 'alert' : undefined}
        >
          {malformed
            ? t('pinError.formatHint', { min: minLength, max: maxLength })
            : t('pinDialog.hint', { min: minLength, max: maxLength })}
        </span>
      </div>
      <button
        type="button"
        className="btn link"
        onClick={() => {
          cancel();
          navigate('pin');
        }}
      >
        {t('pinDialog.unblockLink')}
      </button>
      <div className="actions">
        <button type="button" className="btn" onClick={cancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={tooShort || malformed || status.locked}>
          {t('pinDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
