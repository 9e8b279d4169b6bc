/**
 * Which CA issued a CNS certificate, and where its holder renews, suspends or revokes it. The URLs are exactly
 * those published by the Chambers of Commerce / InfoCamere (issue 9): devices issued from 2020-12-02 are
 * CA InfoCamere; older devices (CA ArubaPEC or InfoCert) are handled at card.infocamere.it.
 */
import type { NameInfo } from '../x509/cert-info-types';

export type CaId = 'infocamere' | 'aruba' | 'infocert' | 'unknown';

export interface RenewalUrls {
  renewal: string;
  suspension: string;
  revocation: string;
}

const INFOCAMERE_URLS: RenewalUrls = {
  renewal: 'https://id.infocamere.it/infocamere/firma_digitale/rinnovo',
  suspension: 'https://id.infocamere.it/infocamere/firma_digitale/sospensione_e_riattivazione',
  revocation: 'https://id.infocamere.it/infocamere/firma_digitale/revoca',
};

/** Devices issued before 2020-12-02 by CA ArubaPEC or CA InfoCert. */
const LEGACY_CARD_URLS: RenewalUrls = {
  renewal: 'https://www.card.infocamere.it',
  suspension: 'https://card.infocamere.it/infocard/pub/richiesta-sospensione_5621',
  revocation: 'https://card.infocamere.it/infocard/pub/richiesta-revoca_5627',
};

/** Every URL Sigillo may open for renewal matters (the shell's allow-list can use it). */
export const RENEWAL_SITES: readonly string[] = [
  ...Object.values(INFOCAMERE_URLS),
  ...Object.values(LEGACY_CARD_URLS),
];

/**
 * Tells the CA from the issuer's organisation and common name (then the whole DN): "InfoCamere" →
 * infocamere, "ArubaPEC"/"Aruba" → aruba, "InfoCert" → infocert. InfoCamere is checked first.
 */
export function detectCa(issuer: Pick<NameInfo, 'dn' | 'organization' | 'commonName'>): CaId {
  const text = [issuer.organization, issuer.commonName, issuer.dn].filter(Boolean).join(' | ');
  if (/info\s*camere/i.test(text)) return 'infocamere';
  if (/aruba/i.test(text)) return 'aruba';
  if (/info\s*cert/i.test(text)) return 'infocert';
  return 'unknown';
}

/** The renewal / suspension / revocation pages for a CA; null when the CA is not one of the CNS CAs. */
export function renewalUrls(ca: CaId): RenewalUrls | null {
  switch (ca) {
    case 'infocamere':
      return { ...INFOCAMERE_URLS };
    case 'aruba':
    case 'infocert':
      return { ...LEGACY_CARD_URLS };
    default:
      return null;
  }
}
