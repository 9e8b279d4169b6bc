/** One plain line per reader/card event, for `sigillo devices --watch` without --json. */
import { t } from '../core/i18n/translate';
import type { CardInsertedEvent, DeviceEvent, TokenSummary } from '../core/pcsc/pcsc-events';
import { pinWarning } from '../core/pkcs11/pin-status';
import { withCliHint } from './error-hints';

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

function tokenText(tk: TokenSummary): string {
  const warning = pinWarning(tk.userPin);
  const certs = tk.certificates.length;
  const base = t(
    { it: 'token "{label}" ({n} certificati)', en: 'token "{label}" ({n} certificates)' },
    { label: tk.label, n: certs },
  );
  return warning ? `${base} — ${warning}` : base;
}

function insertedText(e: CardInsertedEvent): string {
  const what = e.card.known
    ? `${e.card.name} (${e.card.issuer})`
    : e.card.cns
      ? t({ it: 'CNS non in tabella', en: 'CNS not in the table' }) +
        (e.card.vendor ? `, ${e.card.vendor}` : '')
      : t({ it: 'carta sconosciuta', en: 'unknown card' });
  const parts = [
    t({ it: 'carta inserita in {reader}', en: 'card inserted in {reader}' }, { reader: e.reader }),
    `ATR ${e.atr}`,
    what,
  ];
  if (e.module) parts.push(t({ it: 'modulo {m}', en: 'module {m}' }, { m: e.module }));
  if (e.tokens) {
    parts.push(
      e.tokens.length === 0 ? t({ it: 'nessun token', en: 'no token' }) : e.tokens.map(tokenText).join('; '),
    );
  }
  const line = parts.join(' — ');
  return e.error ? `${line}\n  ✖ ${withCliHint(e.error).message}` : line;
}

export function describeEvent(e: DeviceEvent): string {
  const time = clock();
  switch (e.type) {
    case 'reader-added':
      return `[${time}] ${t({ it: 'lettore collegato: {r}', en: 'reader connected: {r}' }, { r: e.reader })}`;
    case 'reader-removed':
      return `[${time}] ${t({ it: 'lettore scollegato: {r}', en: 'reader disconnected: {r}' }, { r: e.reader })}`;
    case 'card-inserted':
      return `[${time}] ${insertedText(e)}`;
    case 'card-removed':
      return `[${time}] ${t({ it: 'carta rimossa da {r}', en: 'card removed from {r}' }, { r: e.reader })}`;
    case 'error':
      return `[${time}] ${withCliHint(e.error).message}`;
  }
}
