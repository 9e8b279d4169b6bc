/** The one plain sentence (Italian and English) that explains a renewal status. */
import { getLang, t } from '../i18n/translate';
import { formatCivilDate } from './rome-calendar';
import type { RenewalStatus } from './renewal-types';

type Facts = Omit<RenewalStatus, 'message'>;

const NEW_DEVICE = {
  it: 'serve un nuovo dispositivo, da richiedere a una Camera di Commercio (di persona, su appuntamento, con documento d’identità, codice fiscale/tessera sanitaria ed e-mail).',
  en: 'a new device is needed, to be requested at a Chamber of Commerce (in person, by appointment, with an identity document, fiscal code/health card and e-mail).',
};

const M = {
  notYetValid: { it: 'Non ancora valido: lo sarà dal {from}.', en: 'Not yet valid: valid from {from}.' },
  valid: {
    it: 'Valido fino al {expires} (ancora {days} giorni). Il rinnovo online sarà possibile dal {opens} al {last}.',
    en: 'Valid until {expires} ({days} days left). Online renewal will be possible from {opens} to {last}.',
  },
  validRenewed: {
    it: 'Valido fino al {expires} (ancora {days} giorni). Risulta già rinnovato una volta: un secondo rinnovo non è possibile, alla scadenza {newDevice}',
    en: 'Valid until {expires} ({days} days left). It looks already renewed once: a second renewal is not possible; at expiry {newDevice}',
  },
  renewable: {
    it: 'Rinnovabile online fino al {last} (scade il {expires}, ancora {days} giorni).',
    en: 'Renewable online until {last} (expires on {expires}, {days} days left).',
  },
  renewableRenewed: {
    it: 'Scade il {expires} (ancora {days} giorni). Risulta già rinnovato una volta: un secondo rinnovo non è possibile, {newDevice}',
    en: 'Expires on {expires} ({days} days left). It looks already renewed once: a second renewal is not possible; {newDevice}',
  },
  site: { it: ' Sito per il rinnovo: {url}', en: ' Renewal site: {url}' },
  askIssuer: {
    it: ' Certificatore non riconosciuto: chiedere il rinnovo a chi ha emesso il certificato.',
    en: ' Unrecognised CA: ask the certificate issuer about renewal.',
  },
  lastDay: {
    it: 'Scade oggi ({expires}): il rinnovo non è più possibile; dopo la scadenza {newDevice}',
    en: 'Expires today ({expires}): renewal is no longer possible; after expiry {newDevice}',
  },
  expired: { it: 'Scaduto il {expires}: {newDevice}', en: 'Expired on {expires}: {newDevice}' },
};

export function renewalMessage(f: Facts): string {
  const lang = getLang();
  const p = {
    from: formatCivilDate(f.validFrom, lang),
    expires: formatCivilDate(f.expires, lang),
    opens: formatCivilDate(f.windowOpens, lang),
    last: formatCivilDate(f.lastRenewalDay, lang),
    days: f.daysLeft,
    newDevice: t(NEW_DEVICE),
  };
  switch (f.state) {
    case 'not-yet-valid':
      return t(M.notYetValid, p);
    case 'valid':
      return t(f.alreadyRenewed ? M.validRenewed : M.valid, p);
    case 'renewable':
      if (f.alreadyRenewed) return t(M.renewableRenewed, p);
      return t(M.renewable, p) + (f.urls ? t(M.site, { url: f.urls.renewal }) : t(M.askIssuer));
    case 'last-day':
      return t(M.lastDay, p);
    case 'expired':
      return t(M.expired, p);
  }
}
