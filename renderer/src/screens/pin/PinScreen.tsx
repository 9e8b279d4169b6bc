/** PIN e PUK: state of the tries, change the PIN, unblock it with the PUK. */
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { refreshTokens } from '../../state/session';
import { currentToken, useApp } from '../../state/store';
import { ChangePinForm } from './ChangePinForm';
import { UnblockForm } from './UnblockForm';

export function PinScreen() {
  const { t } = useTranslation();
  const token = useApp(currentToken);
  const loaded = useApp((s) => s.tokensLoaded);
  return (
    <>
      <h1>{t('pin.title')}</h1>
      <p className="lead">{t('pin.lead')}</p>
      {loaded && !token && (
        <section className="card empty">
          <strong>{t('device.none')}</strong>
          <p>{t('pin.emptyHint')}</p>
          <button type="button" className="btn primary" onClick={() => void refreshTokens(api(), true)}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {token && (
        <>
          <div
            className={`notice ${token.userPin.locked ? 'bad' : token.userPin.countLow ? 'warn' : 'info'}`}
            role="status"
          >
            {token.userPin.locked
              ? t('pin.statusLocked')
              : token.userPin.finalTry
                ? t('pin.statusFinal')
                : token.userPin.countLow
                  ? t('pin.statusLow')
                  : t('pin.statusOk')}
          </div>
          <div className="cols-2">
            <ChangePinForm key={`c-${token.label}`} token={token} />
            <UnblockForm key={`u-${token.label}`} token={token} />
          </div>
          <p className="muted">{t('pin.warning')}</p>
        </>
      )}
    </>
  );
}
