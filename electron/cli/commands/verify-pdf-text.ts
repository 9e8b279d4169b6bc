/** The PDF lines of `sigillo verify`'s readable summary: field, revision, coverage, changes after signing. */
import { t } from '../../core/i18n/translate';
import type { SignatureReport } from '../../core/verify/types';
import type { PdfSignatureReport } from '../../core/pdf/verify-pdf';
import { itemLine, reportedItems } from '../../core/pdf/diff/describe';

const KINDS: Record<string, { it: string; en: string }> = {
  signature: { it: 'firme', en: 'signatures' },
  dss: { it: 'dati di validazione (DSS)', en: 'validation data (DSS)' },
  'form-fill': { it: 'compilazione moduli', en: 'form filling' },
  annotation: { it: 'annotazioni', en: 'annotations' },
  metadata: { it: 'metadati', en: 'metadata' },
  timestamp: { it: 'marche temporali del documento', en: 'document timestamps' },
  catalog: { it: 'versione ed estensioni', en: 'version and extensions' },
};

function isPdf(s: SignatureReport): s is PdfSignatureReport {
  return 'subFilter' in s && 'coversWholeDocument' in s;
}

export function pdfSignatureLines(s: SignatureReport, indent: string): string[] {
  if (!isPdf(s)) return [];
  const kind = s.documentTimestamp
    ? t({ it: 'marca temporale del documento', en: 'document timestamp' })
    : s.subFilter;
  const lines = [
    `${indent}    ${t({ it: 'campo «{f}», {k}, revisione {r}', en: 'field "{f}", {k}, revision {r}' }, { f: s.fieldName, k: kind, r: s.revision ?? '?' })}`,
  ];
  const m = s.modifications;
  if (s.coversWholeDocument) {
    lines.push(`${indent}    ${t({ it: 'copre tutto il documento', en: 'covers the whole document' })}`);
  } else if (m && m.allowed) {
    const kinds = m.allowedChanges.map((k) => t(KINDS[k] ?? { it: k, en: k })).join(', ');
    lines.push(
      `${indent}    ${t(
        {
          it: 'dopo la firma: {n} aggiornamenti con sole modifiche consentite ({k})',
          en: 'after signing: {n} updates with permitted changes only ({k})',
        },
        { n: m.laterRevisions, k: kinds || '-' },
      )}`,
    );
    for (const i of reportedItems(m)) lines.push(`${indent}      - ${itemLine(i)}`);
  } else if (m) {
    const where = [
      m.pages.length ? t({ it: 'pagine {p}', en: 'pages {p}' }, { p: m.pages.join(', ') }) : '',
      m.objects.length ? t({ it: 'oggetti {o}', en: 'objects {o}' }, { o: m.objects.join(', ') }) : '',
    ].filter(Boolean);
    lines.push(
      `${indent}    ✖ ${t({ it: 'MODIFICATO DOPO LA FIRMA', en: 'MODIFIED AFTER SIGNING' })}${where.length ? ` (${where.join('; ')})` : ''}`,
    );
    const items = reportedItems(m);
    if (items.length)
      for (const i of items) lines.push(`${indent}      ${i.allowed ? '-' : '✖'} ${itemLine(i)}`);
    else for (const c of m.changes) lines.push(`${indent}      - ${c}`);
    lines.push(
      `${indent}    ${t({ it: "'sigillo extract --signature N' estrae la versione firmata.", en: "'sigillo extract --signature N' extracts the signed version." })}`,
    );
  }
  return lines;
}
