/** One certificate of the card: who, which CA, serial, validity with a time bar, usage, QC, policies, links. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCertificateView, TokenView } from '../../../../shared/schemas/certificates';
import { api, call } from '../../bridge';
import { ExpiryPill } from '../../components/ExpiryPill';
import { elapsedShare, formatDate } from '../../model/dates';
import { daysLeft, expiryTone, holderName } from '../../model/token';
import { CaLinks } from './CaLinks';

function ValidityBar({ cert }: { cert: TokenCertificateView }) {
  const { t, i18n } = useTranslation();
  const share = elapsedShare(cert.info.notBefore, cert.info.notAfter);
  const tone = expiryTone(cert);
  return (
    <div className="validity">
      <div className="row validity-dates">
        <span>{formatDate(cert.info.notBefore, i18n.language)}</span>
        <ExpiryPill days={daysLeft(cert)} tone={tone} />
        <span>{formatDate(cert.info.notAfter, i18n.language)}</span>
      </div>
      <div
        className="timebar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-label={t('certs.validityElapsed', { percent: Math.round(share * 100) })}
      >
        <div className={`timebar-fill ${tone}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export function CertificateCard({ token, cert }: { token: TokenView; cert: TokenCertificateView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const info = cert.info;
  const exportCer = async () => {
    const name = `${(holderName(cert) || 'certificato').replace(/[^\w.-]+/g, '_')}-${cert.role}.cer`;
    const target = await call(() =>
      api().chooseSavePath({ defaultName: name, kind: 'cer', title: t('certs.export') }),
    );
    if (!target.ok) return setNote({ tone: 'bad', text: target.error.message });
    if (!target.value.path) return;
    const outputPath = target.value.path;
    const res = await call(() =>
      api().exportCertificate({ token: token.label, certId: cert.id, outputPath, overwrite: true }),
    );
    setNote(
      res.ok
        ? { tone: 'ok', text: t('certs.exported', { path: res.value.path }) }
        : { tone: 'bad', text: res.error.message },
    );
  };
  const qc = info.qc.present
    ? [
        info.qc.compliance && t('certs.qcCompliance'),
        info.qc.sscd && t('certs.qcSscd'),
        ...info.qc.types,
      ].filter(Boolean)
    : [];
  return (
    <article className="card cert-card" aria-labelledby={`cert-${cert.id}`}>
      <h2 id={`cert-${cert.id}`}>{t(`role.${cert.role}`)}</h2>
      <ValidityBar cert={cert} />
      <dl className="facts">
        <dt>{t('home.holder')}</dt>
        <dd>{holderName(cert)}</dd>
        <dt>{t('device.fiscalCode')}</dt>
        <dd className="mono">{info.subject.fiscalCode ?? '—'}</dd>
        <dt>{t('certs.issuer')}</dt>
        <dd>{info.issuer.commonName ?? info.issuer.dn}</dd>
        {info.issuer.organization && (
          <>
            <dt>{t('certs.organization')}</dt>
            <dd>{info.issuer.organization}</dd>
          </>
        )}
        <dt>{t('certs.serial')}</dt>
        <dd className="mono">{info.serialNumber}</dd>
        <dt>{t('certs.keyUsage')}</dt>
        <dd>{[...info.keyUsage, ...info.extendedKeyUsage].join(', ') || '—'}</dd>
        <dt>{t('certs.qc')}</dt>
        <dd>{qc.length ? qc.join(', ') : t('certs.notQualified')}</dd>
        <dt>{t('certs.policies')}</dt>
        <dd className="mono">{info.policies.join(', ') || '—'}</dd>
        <dt>{t('certs.key')}</dt>
        <dd>
          {info.curve
            ? `${info.keyType.toUpperCase()} ${info.curve}`
            : `${info.keyType.toUpperCase()} ${info.keySize}`}
        </dd>
        <dt>{t('certs.fingerprint')}</dt>
        <dd className="mono small">{info.fingerprintSha256}</dd>
      </dl>
      {cert.renewal && <p className="renewal-line">{cert.renewal.message}</p>}
      <div className="row" style={{ marginTop: 10 }}>
        <button type="button" className="btn" onClick={() => void exportCer()}>
          {t('certs.export')}
        </button>
      </div>
      {note && (
        <div className={`notice ${note.tone}`} role="status" style={{ marginTop: 10 }}>
          {note.text}
        </div>
      )}
      <CaLinks renewal={cert.renewal} />
    </article>
  );
}
