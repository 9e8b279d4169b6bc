/**
 * Plain-text lines about what a verified file is, when the report knows: the FatturaPA invoice key data and the
 * files of an ASiC container (with those no signature covers). Used by `sigillo verify` and the PDF report.
 */
import { formatDate } from '../../../shared/format/dates';
import { formatAmount } from '../../../shared/format/numbers';
import { getLang, t } from '../i18n/translate';
import type { FileReport } from '../verify/types';

function invoiceLines(r: FileReport): string[] {
  const f = r.fatturapa;
  if (!f) return [];
  const sender = [f.sender.name, f.sender.vatNumber ?? f.sender.codiceFiscale].filter(Boolean).join(' — ');
  return f.documents.map((d) =>
    t(
      {
        it: 'Fattura {n} del {d}, totale {total} — da {sender}',
        en: 'Invoice {n} of {d}, total {total} — from {sender}',
      },
      {
        n: d.number ?? '?',
        d: d.date ? formatDate(d.date) : '?',
        total: d.total ? formatAmount(d.total, getLang(), d.currency ?? 'EUR') : '?',
        sender,
      },
    ),
  );
}

function containerLines(r: FileReport): string[] {
  const c = r.container;
  if (!c) return [];
  const head = t(
    { it: 'Contenitore {type}: {n} file', en: '{type} container: {n} file(s)' },
    { type: c.type, n: c.files.length },
  );
  const unsigned = t({ it: 'non coperto da alcuna firma', en: 'not covered by any signature' });
  return [
    head,
    ...c.files.map((f) => (f.signedBy.length > 0 ? `  • ${f.name}` : `  ⚠ ${f.name} — ${unsigned}`)),
  ];
}

export function documentFactLines(r: FileReport): string[] {
  return [...invoiceLines(r), ...containerLines(r)];
}
