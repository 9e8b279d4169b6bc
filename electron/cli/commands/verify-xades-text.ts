/** Extra lines of `sigillo verify` (text) for FatturaPA invoices and ASiC containers (issue 13). */
import { t } from '../../core/i18n/translate';
import type { FileReport } from '../../core/verify/types';

function invoiceLines(r: FileReport): string[] {
  const f = r.fatturapa;
  if (!f) return [];
  const sender = [f.sender.name, f.sender.vatNumber ?? f.sender.codiceFiscale].filter(Boolean).join(' — ');
  return f.documents.map((d) =>
    t(
      {
        it: '  Fattura {n} del {d}, totale {total} {cur} — da {sender}',
        en: '  Invoice {n} of {d}, total {total} {cur} — from {sender}',
      },
      { n: d.number ?? '?', d: d.date ?? '?', total: d.total ?? '?', cur: d.currency ?? '', sender },
    ),
  );
}

function containerLines(r: FileReport): string[] {
  const c = r.container;
  if (!c) return [];
  const lines = [
    t(
      { it: '  Contenitore {type}: {n} file', en: '  {type} container: {n} file(s)' },
      { type: c.type, n: c.files.length },
    ),
  ];
  for (const f of c.files) {
    lines.push(
      f.signedBy.length > 0
        ? `    • ${f.name}`
        : `    ⚠ ${f.name} — ${t({ it: 'non coperto da alcuna firma', en: 'not covered by any signature' })}`,
    );
  }
  return lines;
}

export function xadesFileLines(r: FileReport): string[] {
  return [...invoiceLines(r), ...containerLines(r)];
}
