/** Top of the rail: which reader and card, whose, until when — or that no card is inserted. */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../shared/schemas/certificates';
import { currentToken, useApp } from '../state/store';
import { daysLeft, expiryTone, holderName, mainCertificate } from '../model/token';
import { ExpiryPill } from './ExpiryPill';
import { Icon } from './Icon';

function TokenSummary({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  const cert = mainCertificate(token);
  return (
    <>
      <div className="device-name">
        <Icon name="card" />
        <span>{token.label}</span>
      </div>
      <div className="device-reader muted">{token.slotDescription}</div>
      {cert ? (
        <>
          <div className="device-holder">{holderName(cert)}</div>
          {cert.info.subject.fiscalCode && (
            <div className="mono" aria-label={t('device.fiscalCode')}>
              {cert.info.subject.fiscalCode}
            </div>
          )}
          <ExpiryPill days={daysLeft(cert)} tone={expiryTone(cert)} />
        </>
      ) : (
        <div className="muted">{t('device.noCertificates')}</div>
      )}
      {token.userPin.locked && <div className="pill bad">{t('device.pinLocked')}</div>}
    </>
  );
}

export function DeviceStatus() {
  const { t } = useTranslation();
  const tokens = useApp((s) => s.tokens);
  const loaded = useApp((s) => s.tokensLoaded);
  const error = useApp((s) => s.tokensError);
  const selected = useApp((s) => s.selectedToken);
  const selectToken = useApp((s) => s.selectToken);
  const token = currentToken({ tokens, selectedToken: selected });

  return (
    <section className="device" aria-label={t('device.region')} aria-live="polite">
      {!loaded && <div className="muted">{t('device.reading')}</div>}
      {loaded && error && (
        <>
          <div className="device-name">{t('device.errorTitle')}</div>
          <div className="muted">{error.message}</div>
        </>
      )}
      {loaded && !error && !token && (
        <>
          <div className="device-name">
            <Icon name="card" />
            <span>{t('device.none')}</span>
          </div>
          <div className="muted">{t('device.noneHint')}</div>
        </>
      )}
      {token && <TokenSummary token={token} />}
      {tokens.length > 1 && (
        <label className="device-select">
          <span className="sr-only">{t('device.choose')}</span>
          <select value={token?.label ?? ''} onChange={(e) => selectToken(e.target.value)}>
            {tokens.map((tk) => (
              <option key={`${tk.slotId}:${tk.label}`} value={tk.label}>
                {tk.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
