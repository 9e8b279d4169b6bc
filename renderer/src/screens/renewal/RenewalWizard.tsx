/**
 * Renewal wizard (issue 9): 1) the card's certificates and their state; 2) if renewable, a checklist and the
 * CA's renewal site; 3) "Ho rinnovato — controlla di nuovo" re-reads the card and confirms the new expiry.
 * Expired: a new device from the Chamber of Commerce, with suspension / revocation links.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import { api } from '../../bridge';
import { ExpiryPill } from '../../components/ExpiryPill';
import { formatDate } from '../../model/dates';
import { daysLeft, expiryTone, mainCertificate } from '../../model/token';
import { refreshTokens } from '../../state/session';
import { currentToken, useApp } from '../../state/store';
import { OtherCards } from './OtherCards';
import { CaLinks, openExternal } from '../certificates/CaLinks';

const CHECKS = ['device', 'payment', 'email'] as const;

function States({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="wiz-1">
      <h2 id="wiz-1">{t('renewal.wizard.step1')}</h2>
      <ul className="plain">
        {token.certificates.map((c) => (
          <li key={c.id} className="row">
            <strong>{t(`role.${c.role}`)}</strong>
            <ExpiryPill days={daysLeft(c)} tone={expiryTone(c)} />
            <span>{c.renewal?.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Renewable({ token, onResult }: { token: TokenView; onResult(text: string): void }) {
  const { t, i18n } = useTranslation();
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const before = mainCertificate(token)?.info.notAfter;
  const renewal = token.renewal ?? mainCertificate(token)?.renewal ?? null;
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const checkAgain = async () => {
    setChecking(true);
    setAnswer(null);
    await refreshTokens(api(), true);
    setChecking(false);
    const now = mainCertificate(useApp.getState().tokens.find((x) => x.label === token.label) ?? token);
    const after = now?.info.notAfter;
    // a renewed certificate expires years later: a day of difference is the least that counts
    if (after && before && Date.parse(after) - Date.parse(before) > 86_400_000) {
      // renewed: this step goes away with the new state, the answer moves to the top of the screen
      onResult(t('renewal.wizard.renewedOk', { date: formatDate(after, i18n.language) }));
    } else setAnswer(t('renewal.wizard.notYet', { date: before ? formatDate(before, i18n.language) : '—' }));
  };
  return (
    <>
      <section className="card" aria-labelledby="wiz-2">
        <h2 id="wiz-2">{t('renewal.wizard.step2')}</h2>
        {renewal?.alreadyRenewed && <div className="notice warn">{t('renewal.wizard.alreadyRenewed')}</div>}
        <fieldset>
          <legend>{t('renewal.wizard.checklist')}</legend>
          {CHECKS.map((k) => (
            <label className="choice" key={k}>
              <input
                type="checkbox"
                checked={Boolean(checked[k])}
                onChange={(e) => setChecked({ ...checked, [k]: e.target.checked })}
              />
              <span>{t(`renewal.wizard.check.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        {renewal?.urls ? (
          <button
            type="button"
            className="btn primary"
            onClick={() => openExternal(renewal.urls?.renewal as string)}
          >
            {t('renewal.wizard.openSite')}
          </button>
        ) : (
          <p className="muted">{t('renewal.wizard.unknownCa')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="wiz-3">
        <h2 id="wiz-3">{t('renewal.wizard.step3')}</h2>
        <p>{t('renewal.wizard.step3Lead')}</p>
        <button type="button" className="btn" disabled={checking} onClick={() => void checkAgain()}>
          {checking ? t('renewal.wizard.checking') : t('renewal.wizard.checkAgain')}
        </button>
        <p className="notice info check-answer" role="status" hidden={!answer}>
          {answer}
        </p>
      </section>
    </>
  );
}

function Expired({ token }: { token: TokenView }) {
  const { t } = useTranslation();
  const renewal = token.renewal ?? mainCertificate(token)?.renewal ?? null;
  return (
    <section className="card" aria-labelledby="wiz-exp">
      <h2 id="wiz-exp">{t('renewal.wizard.expiredTitle')}</h2>
      <p>{t('renewal.banner.expired')}</p>
      <p>{t('renewal.wizard.expiredHow')}</p>
      <button type="button" className="btn link" onClick={() => openExternal('https://www.camcom.it')}>
        {t('renewal.wizard.findChamber')}
      </button>
      <p className="muted">{t('renewal.wizard.lostDevice')}</p>
      <CaLinks renewal={renewal} only={['suspension', 'revocation']} />
    </section>
  );
}

export function RenewalWizard() {
  const { t } = useTranslation();
  const token = useApp(currentToken);
  const [result, setResult] = useState<string | null>(null);
  const state = token?.renewal?.state ?? (token ? mainCertificate(token)?.renewal?.state : undefined);
  return (
    <>
      <h1>{t('renewal.wizard.title')}</h1>
      <p className="lead">{t('renewal.wizard.lead')}</p>
      {!token && (
        <section className="card empty">
          <strong>{t('device.none')}</strong>
          <p>{t('renewal.wizard.insertCard')}</p>
          <button type="button" className="btn primary" onClick={() => void refreshTokens(api(), true)}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {result && (
        <p className="notice info" role="status">
          {result}
        </p>
      )}
      <OtherCards token={token} />
      {token && <States token={token} />}
      {token && state === 'renewable' && <Renewable token={token} onResult={setResult} />}
      {token && state === 'last-day' && (
        <div className="notice warn">{t('renewal.banner.lastDay.signature')}</div>
      )}
      {token && state === 'expired' && <Expired token={token} />}
      {token && (state === 'valid' || state === 'not-yet-valid' || !state) && (
        <p className="notice info">{t('renewal.wizard.nothingToDo')}</p>
      )}
    </>
  );
}
