/** Home: the card at a glance, a big drop zone and "choose files"; files then go to Sign or Verify. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFilePicker } from '../../components/useFilePicker';
import { ChooseAction } from '../../components/DropOverlay';
import { ExpiryPill } from '../../components/ExpiryPill';
import { Icon } from '../../components/Icon';
import { daysLeft, expiryTone, holderName, mainCertificate } from '../../model/token';
import { currentToken, useApp } from '../../state/store';
import { formatDate } from '../../model/dates';

function CardCard() {
  const { t, i18n } = useTranslation();
  const token = useApp(currentToken);
  const navigate = useApp((s) => s.navigate);
  const loaded = useApp((s) => s.tokensLoaded);
  if (!loaded) return null;
  if (!token) {
    return (
      <section className="card empty" aria-labelledby="home-card">
        <strong id="home-card">{t('device.none')}</strong>
        <p>{t('home.noCardHint')}</p>
      </section>
    );
  }
  const cert = mainCertificate(token);
  return (
    <section className="card" aria-labelledby="home-card">
      <h2 id="home-card">{t('home.cardTitle')}</h2>
      <dl className="facts">
        <dt>{t('home.reader')}</dt>
        <dd>{token.slotDescription}</dd>
        <dt>{t('home.device')}</dt>
        <dd>
          {token.label} · {token.manufacturer} {token.model}
        </dd>
        {cert && (
          <>
            <dt>{t('home.holder')}</dt>
            <dd>{holderName(cert)}</dd>
            <dt>{t('device.fiscalCode')}</dt>
            <dd className="mono">{cert.info.subject.fiscalCode ?? '—'}</dd>
            <dt>{t('home.expires')}</dt>
            <dd>
              {formatDate(cert.info.notAfter, i18n.language)}{' '}
              <ExpiryPill days={daysLeft(cert)} tone={expiryTone(cert)} />
            </dd>
          </>
        )}
      </dl>
      <div className="row" style={{ marginTop: 12 }}>
        <button type="button" className="btn" onClick={() => navigate('certificates')}>
          {t('home.showCertificates')}
        </button>
      </div>
    </section>
  );
}

export function HomeScreen() {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<{ paths: string[]; signedPdfs: Set<string> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = useFilePicker(
    (paths, signedPdfs) => paths.length > 0 && setChosen({ paths, signedPdfs }),
    setError,
  );
  const choose = () => {
    setError(null);
    pick('any');
  };
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <CardCard />
      <button type="button" className="dropzone" onClick={choose}>
        <Icon name="upload" size={36} />
        <strong>{t('home.dropHere')}</strong>
        <span className="muted">{t('home.dropHint')}</span>
        <span className="btn primary">{t('home.chooseFiles')}</span>
      </button>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      {chosen && (
        <ChooseAction paths={chosen.paths} signedPdfs={chosen.signedPdfs} onDone={() => setChosen(null)} />
      )}
    </>
  );
}
