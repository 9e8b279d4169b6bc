/**
 * Certificates: both CNS certificates side by side, the CA chain below, and reminders about other devices
 * (the renewal banner only speaks of the selected one).
 */
import { useTranslation } from 'react-i18next';
import { refreshTokens } from '../../state/session';
import { api } from '../../bridge';
import { currentToken, useApp } from '../../state/store';
import { CertificateCard } from './CertificateCard';
import { OtherCards } from '../renewal/OtherCards';

const ORDER = { signature: 0, authentication: 1, other: 2 } as const;

export function CertificatesScreen() {
  const { t } = useTranslation();
  const token = useApp(currentToken);
  const loaded = useApp((s) => s.tokensLoaded);
  return (
    <>
      <h1>{t('certs.title')}</h1>
      <p className="lead">{t('certs.lead')}</p>
      {loaded && !token && (
        <section className="card empty">
          <strong>{t('device.none')}</strong>
          <p>{t('certs.emptyHint')}</p>
          <button type="button" className="btn primary" onClick={() => void refreshTokens(api(), true)}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {token && token.certificates.length === 0 && (
        <section className="card empty">
          <strong>{t('device.noCertificates')}</strong>
        </section>
      )}
      {token && token.certificates.length > 0 && (
        <>
          <div className="cols-2">
            {[...token.certificates]
              .sort((a, b) => ORDER[a.role] - ORDER[b.role])
              .map((c) => (
                <CertificateCard key={c.id} token={token} cert={c} />
              ))}
          </div>
          {token.caCertificates.length > 0 && (
            <section className="card" aria-labelledby="chain-title">
              <h2 id="chain-title">{t('certs.chain')}</h2>
              <ol className="chain">
                {token.caCertificates.map((c) => (
                  <li key={c.id}>
                    <strong>{c.info.subject.commonName ?? c.info.subject.dn}</strong>
                    <span className="muted">
                      {' '}
                      — {t('certs.issuedBy', { name: c.info.issuer.commonName ?? c.info.issuer.dn })}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
      <OtherCards token={token} />
    </>
  );
}
