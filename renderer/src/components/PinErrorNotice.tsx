/**
 * A PIN refused while signing, shown where the user is looking (beside the Sign button, scrolled into view and
 * focused for screen readers): what happened in words from the error code (so it follows a language switch),
 * and the tries left as the token now reports them. "Riprova" opens the PIN dialog again only when the user asks.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinStatus } from '../../../shared/schemas/certificates';
import type { ErrorInfo } from '../../../shared/schemas/common';
import { useApp } from '../state/store';
import { Icon } from './Icon';

export const PIN_ERROR_CODES = ['PIN_INCORRECT', 'PIN_LOCKED', 'PIN_FORMAT'] as const;
export type PinErrorCode = (typeof PIN_ERROR_CODES)[number];

export function isPinError(e: ErrorInfo | null): e is ErrorInfo & { code: PinErrorCode } {
  return e !== null && (PIN_ERROR_CODES as readonly string[]).includes(e.code);
}

function triesKey(code: PinErrorCode, status: PinStatus): string | null {
  if (code !== 'PIN_INCORRECT') return null;
  if (status.finalTry) return 'pinError.finalTry';
  if (status.countLow) return 'pinError.fewLeft';
  return 'pinError.unknownLeft';
}

export function PinErrorNotice({
  error,
  status,
  rules,
  onRetry,
}: {
  error: ErrorInfo & { code: PinErrorCode };
  status: PinStatus;
  rules: { min: number; max: number };
  onRetry(): void;
}) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center' });
    ref.current?.focus();
  }, [error]);
  const locked = error.code === 'PIN_LOCKED' || status.locked;
  const tries = locked ? null : triesKey(error.code, status);
  return (
    <div ref={ref} tabIndex={-1} className="notice bad pin-error" role="alert">
      <Icon name="bad" />
      <div>
        <strong>{t(`pinError.${locked ? 'PIN_LOCKED' : error.code}`, rules)}</strong>
        {tries && <div>{t(tries)}</div>}
        <div className="row">
          {locked ? (
            <button type="button" className="btn" onClick={() => navigate('pin')}>
              {t('pinDialog.unblockLink')}
            </button>
          ) : (
            <button type="button" className="btn" onClick={onRetry}>
              {t('pinError.retry')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
