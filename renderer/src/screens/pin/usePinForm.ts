/**
 * State of a PIN form (change with the old PIN, or unblock with the PUK): the secret, the new PIN twice, the
 * rule check, one call to the card, the outcome. Secrets live only here and are cleared as soon as they are sent.
 */
import { useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/api';
import type { TokenView } from '../../../../shared/schemas/certificates';
import type { ErrorInfo, OkResponse } from '../../../../shared/schemas/common';
import { api, call } from '../../bridge';
import { refreshTokens } from '../../state/session';
import { newPinProblem } from './pinRules';
import { pinEntryRules } from '../../model/pinEntry';

export function usePinForm(
  token: TokenView,
  o: {
    /** the old PIN must differ from the new one (change) — not for the PUK */
    compareWithSecret: boolean;
    disabled: boolean;
    /** i18n key of the message when the old PIN / PUK field is empty */
    secretMissing: string;
    send(secret: string, newPin: string): Promise<Result<OkResponse>>;
  },
) {
  const [secret, setSecret] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [tried, setTried] = useState(false);
  // the CNS rules (5–8 digits) within the token's limits, as the core checks them before the card
  const { min, max } = pinEntryRules(token);
  const problem =
    secret.length === 0
      ? o.secretMissing
      : newPinProblem(pin, repeat, min, max, o.compareWithSecret ? secret : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || o.disabled) return;
    const [s, p] = [secret, pin];
    setSecret('');
    setPin('');
    setRepeat('');
    setTried(false);
    setBusy(true);
    setError(null);
    setDone(false);
    const res = await call(() => o.send(s, p));
    setBusy(false);
    if (res.ok) setDone(true);
    else setError(res.error);
    void refreshTokens(api());
  };

  return {
    fields: { secret, setSecret, pin, setPin, repeat, setRepeat },
    min,
    max,
    busy,
    done,
    error,
    /** the rule the new PIN breaks, shown once the user tried to send */
    problem: tried ? problem : null,
    submit,
  };
}
