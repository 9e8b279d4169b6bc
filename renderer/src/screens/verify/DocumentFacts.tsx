/** What the signed document is, when the report knows: FatturaPA key data, or the files of an ASiC container. */
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { formatAmount } from '../../../../shared/format/numbers';
import { formatDate, formatTime } from '../../model/dates';

export function DocumentFacts({ report }: { report: FileReport }) {
  const { t, i18n } = useTranslation();
  const invoice = report.fatturapa;
  const container = report.container;
  const stamps = report.timestamps ?? [];
  if (!invoice && !container && stamps.length === 0) return null;
  const party = (p: { name: string | null; vatNumber: string | null; codiceFiscale: string | null }) =>
    p.name ?? p.vatNumber ?? p.codiceFiscale ?? '—';
  // "Da — a —" says nothing: the line shows only when the invoice names at least one of the two
  const partiesKnown =
    !!invoice && [invoice.sender, invoice.customer].some((p) => p.name ?? p.vatNumber ?? p.codiceFiscale);
  return (
    <section className="doc-facts" aria-label={t('verify.documentFacts')}>
      {invoice && (
        <>
          <h3>{t('verify.invoice.title')}</h3>
          {partiesKnown && (
            <p>
              {t('verify.invoice.parties', {
                sender: party(invoice.sender),
                customer: party(invoice.customer),
              })}
            </p>
          )}
          <ul className="plain">
            {invoice.documents.map((d, i) => (
              <li key={i}>
                {t('verify.invoice.document', {
                  number: d.number ?? '—',
                  date: d.date ? formatDate(d.date, i18n.language) : '—',
                  total: d.total ? formatAmount(d.total, i18n.language, d.currency ?? 'EUR') : '—',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {stamps.length > 0 && (
        <>
          <h3>{t('verify.fileStamps')}</h3>
          <ul className="plain">
            {stamps.map((ts, i) => (
              <li key={i}>
                {t(ts.integrity === 'valid' && ts.imprintMatches ? 'verify.stampOk' : 'verify.stampBad', {
                  date: formatDate(ts.genTime, i18n.language),
                  time: formatTime(ts.genTime, i18n.language),
                  tsa: ts.tsa ?? '—',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {container && (
        <>
          <h3>{t('verify.container.title', { type: container.type })}</h3>
          <ul className="plain">
            {container.files.map((f) => (
              <li key={f.name}>
                <span className="mono">{f.name}</span> —{' '}
                {f.signedBy.length > 0
                  ? t('verify.container.signed', { count: f.signedBy.length })
                  : t('verify.container.unsigned')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
