/**
 * Cryptographic constraints by date, as the EU DSS default validation policy decides them (ETSI EN 319 102-1
 * §5.2.8 "Cryptographic verification", §5.5/§5.6.2 proof of existence). The table is DSS's
 * `dss-policy-jaxb/src/main/resources/policy/constraint.xml` (esig/dss 6.x, `<Cryptographic Level="FAIL">`):
 * - AcceptableDigestAlgo / AlgoExpirationDate (Format="yyyy", a year means 1 January of it): SHA1 2009,
 *   SHA224 2026, SHA256/384/512 2029, SHA3-256/384/512 2029 (SHA3-224 is commented out, so not acceptable);
 * - MiniPublicKeySize: RSA 1024, ECDSA 160; the expiry of a key is the entry with the largest Size ≤ the key
 *   size (DSS's floorEntry): RSA 1024→2009, 1536→2016, 1900→2026, 3000→2029; ECDSA 160/192→2013, 224→2016,
 *   256/384/512→2029;
 * - UpdateDate="2022" LevelAfterUpdate="WARN": an algorithm whose expiry date is after the policy's update date
 *   only gives a warning once expired (so RSA 2048 and SHA-224 warn, SHA-1 and RSA 1024/1536 fail).
 * An algorithm below the minimum or not acceptable at all is CRYPTO_CONSTRAINTS_FAILURE; one expired (FAIL level)
 * at the validation time is CRYPTO_CONSTRAINTS_FAILURE_NO_POE unless a proof of existence (a valid signature
 * timestamp) is before its expiry date. Deviation: Ed25519/Ed448 (and the SHAKE256 Ed448 uses) are commented out
 * in DSS ("not referenced in ETSI/SOGIS"); Sigillo accepts them with no expiry date.
 */
import { hashLabel, type HashName } from '../cms/algorithm-oids';
import { t } from '../i18n/translate';

const year = (y: number) => new Date(Date.UTC(y, 0, 1));

/** LevelAfterUpdate applies to algorithms whose expiry date is after this one */
const UPDATE_DATE = year(2022);

const DIGEST_EXPIRY: Readonly<Record<HashName, Date | null | undefined>> = {
  sha1: year(2009),
  sha224: year(2026),
  sha256: year(2029),
  sha384: year(2029),
  sha512: year(2029),
  'sha3-224': undefined,
  'sha3-256': year(2029),
  'sha3-384': year(2029),
  'sha3-512': year(2029),
  shake256: null,
};

/** [minimum size, expiry by the largest listed size ≤ the key's] */
const KEY_EXPIRY: Readonly<Record<'rsa' | 'ec', { min: number; dates: [number, Date][] }>> = {
  rsa: {
    min: 1024,
    dates: [
      [1024, year(2009)],
      [1536, year(2016)],
      [1900, year(2026)],
      [3000, year(2029)],
    ],
  },
  ec: {
    min: 160,
    dates: [
      [160, year(2013)],
      [192, year(2013)],
      [224, year(2016)],
      [256, year(2029)],
      [384, year(2029)],
      [512, year(2029)],
    ],
  },
};

/** One algorithm a signature (or a certificate of its chain) relies on. */
export interface CryptoUse {
  /** plain name, e.g. "SHA-1" or "RSA 1024 bit" */
  label: string;
  /** not acceptable at any date (unlisted, or below the minimum key size) */
  refused?: boolean;
  /** the policy's expiry date; undefined = none */
  expires?: Date;
}

export function digestUse(h: HashName): CryptoUse {
  const e = DIGEST_EXPIRY[h];
  return { label: hashLabel(h), refused: e === undefined, expires: e ?? undefined };
}

/** a public key: 'other' (Ed25519/Ed448, already filtered by keyRefusal) has no constraint */
export function keyUse(type: 'rsa' | 'ec' | 'other', bits: number): CryptoUse | undefined {
  if (type === 'other') return undefined;
  const row = KEY_EXPIRY[type];
  const label = `${type === 'rsa' ? 'RSA' : 'EC'} ${bits} bit`;
  if (bits < row.min) return { label, refused: true };
  const fit = row.dates.filter(([size]) => size <= bits).pop();
  return { label, expires: fit?.[1] };
}

export interface CryptoAssessment {
  /** an algorithm is not acceptable at any date → CRYPTO_CONSTRAINTS_FAILURE */
  refused: boolean;
  /** the earliest expiry date among the algorithms expired at FAIL level → NO_POE unless a POE is before it */
  expiry?: Date;
  messages: string[];
}

/** the texts of a judged algorithm (exported for tests) */
export const REFUSED = {
  it: '{alg}: algoritmo non accettato dalla politica di validazione.',
  en: '{alg}: algorithm not accepted by the validation policy.',
};
export const EXPIRED = {
  it: '{alg}: algoritmo non più sicuro dal {date}; serve una marca temporale anteriore.',
  en: '{alg}: algorithm no longer safe since {date}; a timestamp from before then is needed.',
};
export const WARN = {
  it: '{alg}: algoritmo oltre la data consigliata ({date}); solo un avviso.',
  en: '{alg}: algorithm past its recommended date ({date}); a warning only.',
};

/** the day of an expiry date as the texts write it, made once per date (the dates are the tables' own) */
const days = new Map<number, string>();

function isoDay(d: Date): string {
  let day = days.get(d.getTime());
  if (day === undefined) {
    if (days.size >= 256) days.clear();
    days.set(d.getTime(), (day = d.toISOString().slice(0, 10)));
  }
  return day;
}

/** Judges the algorithms at the validation time `now` (each distinct label once). */
export function assessCrypto(uses: (CryptoUse | undefined)[], now: Date): CryptoAssessment {
  const out: CryptoAssessment = { refused: false, messages: [] };
  const seen = new Set<string>();
  for (const u of uses) {
    if (!u || seen.has(u.label)) continue;
    seen.add(u.label);
    if (u.refused) {
      out.refused = true;
      out.messages.push(t(REFUSED, { alg: u.label }));
      continue;
    }
    if (!u.expires || now < u.expires) continue;
    const date = isoDay(u.expires);
    if (u.expires > UPDATE_DATE) {
      out.messages.push(t(WARN, { alg: u.label, date }));
      continue;
    }
    out.messages.push(t(EXPIRED, { alg: u.label, date }));
    if (!out.expiry || u.expires < out.expiry) out.expiry = u.expires;
  }
  return out;
}
