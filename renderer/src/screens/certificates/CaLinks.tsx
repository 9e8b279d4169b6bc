/** Renewal / suspension / revocation pages of the certificate's CA, opened in the system browser (allow-listed). */
import { useTranslation } from 'react-i18next';
import { api, call } from '../../bridge';

export function openExternal(url: string): void {
  void call(() => api().openExternal({ url }));
}

export interface HasUrls {
  urls: { renewal: string; suspension: string; revocation: string } | null;
}

export function CaLinks({
  renewal,
  only,
}: {
  renewal: HasUrls | null;
  only?: ('renewal' | 'suspension' | 'revocation')[];
}) {
  const { t } = useTranslation();
  if (!renewal?.urls) return null;
  const urls = renewal.urls;
  const kinds = only ?? (['renewal', 'suspension', 'revocation'] as const);
  return (
    <nav className="ca-links" aria-label={t('certs.caLinks')}>
      {kinds.map((k) => (
        <button key={k} type="button" className="btn link" onClick={() => openExternal(urls[k])}>
          {t(`certs.link.${k}`)}
        </button>
      ))}
    </nav>
  );
}
