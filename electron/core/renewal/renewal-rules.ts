/** The renewal state machine for one certificate, on Europe/Rome civil dates. */
import type { CertInfo } from '../x509/cert-info-types';
import { looksAlreadyRenewed } from './already-renewed';
import { detectCa, renewalUrls } from './ca-directory';
import { renewalMessage } from './renewal-messages';
import { addDays, daysBetween, romeDate } from './rome-calendar';
import type { RenewalContext, RenewalInput, RenewalState, RenewalStatus } from './renewal-types';

/** Online renewal opens this many days before the expiry date. */
export const RENEWAL_WINDOW_DAYS = 90;

function stateAt(now: number, notBefore: number, notAfter: number, daysLeft: number): RenewalState {
  if (now < notBefore) return 'not-yet-valid';
  if (now > notAfter || daysLeft < 0) return 'expired';
  if (daysLeft === 0) return 'last-day';
  return daysLeft <= RENEWAL_WINDOW_DAYS ? 'renewable' : 'valid';
}

export function evaluateRenewal(
  input: RenewalInput,
  today: Date,
  context: RenewalContext = {},
): RenewalStatus {
  const notBefore = new Date(input.notBefore);
  const notAfter = new Date(input.notAfter);
  const expires = romeDate(notAfter);
  const daysLeft = daysBetween(romeDate(today), expires);
  const state = stateAt(today.getTime(), notBefore.getTime(), notAfter.getTime(), daysLeft);
  const alreadyRenewed = looksAlreadyRenewed(input.notBefore, context.deviceFirstNotBefore);
  const facts = {
    state,
    daysLeft,
    validFrom: romeDate(notBefore),
    expires,
    windowOpens: addDays(expires, -RENEWAL_WINDOW_DAYS),
    lastRenewalDay: addDays(expires, -1),
    ca: input.ca,
    urls: renewalUrls(input.ca),
    alreadyRenewed,
    canRenewOnline: state === 'renewable' && !alreadyRenewed,
  };
  return { ...facts, message: renewalMessage(facts) };
}

/** Renewal status of one certificate at `today` (an instant; its Europe/Rome date is what counts). */
export function renewalStatus(cert: CertInfo, today: Date, context: RenewalContext = {}): RenewalStatus {
  return evaluateRenewal(
    { notBefore: cert.notBefore, notAfter: cert.notAfter, ca: detectCa(cert.issuer) },
    today,
    context,
  );
}
