/**
 * Turns the findings about one signature into the ETSI EN 319 102-1 indication, sub-indication and a plain
 * explanation. Order of precedence: format, integrity (TOTAL_FAILED), signer certificate, revocation, validity,
 * chain, key usage, crypto constraints, revocation not known (all INDETERMINATE).
 *
 * Simplifications (documented): the claimed signingTime is not a proof of existence, so a certificate revoked
 * after the claimed time gives INDETERMINATE/REVOKED_NO_POE and one revoked at or before it (or with no claimed
 * time) TOTAL_FAILED/REVOKED; a claimed time after the certificate's notAfter gives TOTAL_FAILED/EXPIRED, and a
 * certificate expired today but valid at the claimed time gives INDETERMINATE/OUT_OF_BOUNDS_NO_POE. A certificate
 * not yet valid at the validation time (now) gives INDETERMINATE/NOT_YET_VALID whatever time the signature claims
 * (RFC 5280 §6.1.3 a 2, ETSI EN 319 102-1 §5.2.6); its CAs' validity is checked by signer-checks (caOutOfBounds).
 */
import { t, type Message } from '../i18n/translate';
import type { Indication, SubIndication } from './types';

export interface Findings {
  formatFailure: boolean;
  signerCertFound: boolean;
  /** messageDigest matches (or no signed attributes); undefined = could not be computed */
  hashOk: boolean | undefined;
  sigOk: boolean | undefined;
  /** the signer's public key is refused before any signature math (too big, unsupported curve) */
  keyRefused?: boolean;
  essMismatch: boolean;
  chainFound: boolean;
  revokedAt?: Date;
  /** a CA certificate of the chain is revoked (ETSI EN 319 102-1 REVOKED_CA_NO_POE) */
  caRevoked?: { name: string; time: Date };
  /** a certificate of the chain is suspended (certificateHold): EN 319 102-1 / DSS TRY_LATER */
  onHold?: boolean;
  signingTime?: Date;
  revocationUnknown: boolean;
  notAfter?: Date;
  notBefore?: Date;
  now: Date;
  keyUsageOk: boolean;
  /** an algorithm is not acceptable at any date (crypto-policy.ts) */
  weakCrypto: boolean;
  /** earliest expiry date of the algorithms expired at the validation time (crypto-policy.ts) */
  cryptoExpiry?: Date;
  /** a CA certificate of the chain is outside its validity at the signing time or now */
  caOutOfBounds?: boolean;
  /** the certification path breaks an RFC 5280 rule: the message naming the certificate and the rule */
  pathFailure?: string;
  /** proof of existence of the signature from a valid signature timestamp (issue 10) */
  poe?: Date;
  /** a detached signature verified without its content: only the content's digest is unknown */
  contentMissing?: boolean;
}

export interface Verdict {
  indication: Indication;
  subIndication: SubIndication | null;
  explanation: string;
}

type ExplanationKey =
  | SubIndication
  | 'PASSED'
  | 'CA_OUT_OF_BOUNDS'
  | 'KEY_REFUSED'
  | 'CONTENT_MISSING'
  | 'NOT_YET_VALID_NOW'
  | 'NOT_YET_VALID_POE'
  | 'ON_HOLD';

const E: Record<ExplanationKey, Message> = {
  PASSED: {
    it: 'La firma è valida: il documento è integro e il certificato del firmatario è affidabile e valido.',
    en: 'The signature is valid: the document is intact and the signer certificate is trusted and valid.',
  },
  FORMAT_FAILURE: {
    it: 'La firma non è leggibile: la sua struttura non è corretta.',
    en: 'The signature cannot be read: its structure is not correct.',
  },
  HASH_FAILURE: {
    it: 'Il documento è stato modificato dopo la firma (l’impronta non corrisponde).',
    en: 'The document was changed after signing (its digest does not match).',
  },
  SIG_CRYPTO_FAILURE: {
    it: 'Il valore della firma non è verificabile con la chiave del certificato: firma non valida.',
    en: 'The signature value does not verify with the certificate key: the signature is not valid.',
  },
  NO_SIGNING_CERTIFICATE_FOUND: {
    it: 'Il certificato del firmatario non è stato trovato, quindi la firma non può essere verificata.',
    en: 'The signer certificate was not found, so the signature cannot be checked.',
  },
  REVOKED: {
    it: 'Il certificato del firmatario è stato revocato il {time}, prima della firma.',
    en: 'The signer certificate was revoked on {time}, before the signature.',
  },
  REVOKED_NO_POE: {
    it: 'Il certificato del firmatario è stato revocato il {time}; non c’è una marca temporale che provi che la firma è anteriore.',
    en: 'The signer certificate was revoked on {time}; no timestamp proves the signature was made before.',
  },
  REVOKED_CA_NO_POE: {
    it: 'Il certificato dell’autorità «{name}» nella catena è stato revocato il {time}; nessuna marca temporale prova che la firma è anteriore.',
    en: 'The authority certificate "{name}" in the chain was revoked on {time}; no timestamp proves the signature was made before.',
  },
  EXPIRED: {
    it: 'La firma dichiara una data successiva alla scadenza del certificato ({time}).',
    en: 'The signature claims a date after the certificate expired ({time}).',
  },
  NOT_YET_VALID: {
    it: 'La firma dichiara una data anteriore all’inizio di validità del certificato ({time}).',
    en: 'The signature claims a date before the certificate became valid ({time}).',
  },
  NOT_YET_VALID_POE: {
    it: 'Una marca temporale data la firma prima dell’inizio di validità del certificato ({time}).',
    en: 'A timestamp dates the signature before the certificate became valid ({time}).',
  },
  NOT_YET_VALID_NOW: {
    it: 'Il certificato del firmatario non è ancora valido: lo sarà dal {time}.',
    en: 'The signer certificate is not valid yet: it becomes valid on {time}.',
  },
  OUT_OF_BOUNDS_NO_POE: {
    it: 'Il certificato del firmatario è scaduto il {time} e nessuna marca temporale prova che la firma è anteriore.',
    en: 'The signer certificate expired on {time} and no timestamp proves the signature was made before.',
  },
  CA_OUT_OF_BOUNDS: {
    it: 'Un certificato della catena di certificazione non è valido alla data di firma o oggi, e nessuna marca temporale prova la data.',
    en: 'A certificate of the certification chain is not valid at the signing time or today, and no timestamp proves the time.',
  },
  KEY_REFUSED: {
    it: 'La chiave pubblica del firmatario non è accettata (RSA oltre 8192 bit o curva non supportata): la firma non è stata verificata.',
    en: 'The signer public key is not accepted (RSA above 8192 bits or an unsupported curve): the signature was not checked.',
  },
  NO_CERTIFICATE_CHAIN_FOUND: {
    it: 'Il firmatario non è riconducibile a un’autorità fidata (firmatario sconosciuto).',
    en: 'The signer does not chain to a trusted authority (unknown signer).',
  },
  CHAIN_CONSTRAINTS_FAILURE: {
    it: 'Il certificato del firmatario non è abilitato alla firma (key usage).',
    en: 'The signer certificate is not meant for signing (key usage).',
  },
  CRYPTO_CONSTRAINTS_FAILURE: {
    it: 'La firma usa algoritmi o chiavi non accettati (per esempio RSA sotto i 1024 bit).',
    en: 'The signature uses algorithms or keys that are not accepted (for example RSA below 1024 bits).',
  },
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: {
    it: 'La firma usa algoritmi non più sicuri dal {time} (per esempio SHA-1) e nessuna marca temporale prova che è anteriore.',
    en: 'The signature uses algorithms no longer safe since {time} (for example SHA-1) and no timestamp proves it was made before.',
  },
  ON_HOLD: {
    it: 'Un certificato della catena è sospeso (certificateHold): la sospensione può essere revocata, riprova più tardi.',
    en: 'A certificate of the chain is suspended (certificateHold): the suspension may be lifted, try again later.',
  },
  TRY_LATER: {
    it: 'Non è stato possibile sapere se il certificato è revocato (servizio non raggiungibile o modalità offline).',
    en: 'Could not find out whether the certificate is revoked (service unreachable or offline mode).',
  },
  SIGNED_DATA_NOT_FOUND: {
    it: 'Il contenuto firmato non è disponibile.',
    en: 'The signed content is not available.',
  },
  CONTENT_MISSING: {
    it: 'Manca il documento firmato: mettilo accanto alla firma con lo stesso nome (senza .p7s o .p7m) e verifica di nuovo.',
    en: 'The signed document is missing: put it next to the signature with the same name (without .p7s or .p7m) and verify again.',
  },
};

function verdict(
  indication: Indication,
  sub: SubIndication | null,
  time?: Date,
  key?: ExplanationKey,
): Verdict {
  const params = { time: time ? time.toISOString() : '' };
  return { indication, subIndication: sub, explanation: t(E[key ?? sub ?? 'PASSED'], params) };
}

export function decide(f: Findings): Verdict {
  if (f.formatFailure) return verdict('INDETERMINATE', 'FORMAT_FAILURE');
  if (!f.signerCertFound) return verdict('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND');
  if (f.hashOk === undefined) {
    // without the content, a signature value that fails over the signed attributes fails for any content
    if (f.contentMissing && f.sigOk === false) return verdict('TOTAL_FAILED', 'SIG_CRYPTO_FAILURE');
    const key = f.contentMissing ? 'CONTENT_MISSING' : undefined;
    return verdict('INDETERMINATE', 'SIGNED_DATA_NOT_FOUND', undefined, key);
  }
  if (!f.hashOk) return verdict('TOTAL_FAILED', 'HASH_FAILURE');
  if (f.keyRefused) return verdict('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', undefined, 'KEY_REFUSED');
  if (f.sigOk !== true) return verdict('TOTAL_FAILED', 'SIG_CRYPTO_FAILURE');
  if (f.essMismatch) return verdict('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND');
  // a proven time before the certificate's issuance is no proof for it (EN 319 102-1; DSS
  // BestSignatureTimeNotBeforeCertificateIssuance): it rescues nothing, and the signature is NOT_YET_VALID
  const earlyPoe = f.poe && f.notBefore && f.poe < f.notBefore;
  const poe = earlyPoe ? undefined : f.poe;
  const revokedAfterPoe = f.revokedAt && poe && poe < f.revokedAt;
  if (f.revokedAt && !revokedAfterPoe) {
    const proven = !f.signingTime || f.revokedAt.getTime() <= f.signingTime.getTime();
    return verdict(
      proven ? 'TOTAL_FAILED' : 'INDETERMINATE',
      proven ? 'REVOKED' : 'REVOKED_NO_POE',
      f.revokedAt,
    );
  }
  if (f.caRevoked && !(poe && poe < f.caRevoked.time)) {
    const explanation = t(E.REVOKED_CA_NO_POE, {
      name: f.caRevoked.name,
      time: f.caRevoked.time.toISOString(),
    });
    return { indication: 'INDETERMINATE', subIndication: 'REVOKED_CA_NO_POE', explanation };
  }
  if (f.onHold) return verdict('INDETERMINATE', 'TRY_LATER', undefined, 'ON_HOLD');
  if (f.signingTime && f.notAfter && f.signingTime > f.notAfter)
    return verdict('TOTAL_FAILED', 'EXPIRED', f.notAfter);
  if (f.signingTime && f.notBefore && f.signingTime < f.notBefore) {
    return verdict('INDETERMINATE', 'NOT_YET_VALID', f.notBefore);
  }
  if (earlyPoe) return verdict('INDETERMINATE', 'NOT_YET_VALID', f.notBefore, 'NOT_YET_VALID_POE');
  // no proof of existence helps: it is older than now, so before notBefore too
  if (f.notBefore && f.now < f.notBefore)
    return verdict('INDETERMINATE', 'NOT_YET_VALID', f.notBefore, 'NOT_YET_VALID_NOW');
  if (f.notAfter && f.now > f.notAfter && !(poe && poe <= f.notAfter))
    return verdict('INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', f.notAfter);
  if (!f.chainFound) return verdict('INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND');
  if (f.pathFailure) {
    return {
      indication: 'INDETERMINATE',
      subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
      explanation: f.pathFailure,
    };
  }
  if (f.caOutOfBounds) return verdict('INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', undefined, 'CA_OUT_OF_BOUNDS');
  if (!f.keyUsageOk) return verdict('INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE');
  if (f.weakCrypto) return verdict('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE');
  // ETSI EN 319 102-1 §5.2.8 / §5.6.2: an expired algorithm passes only with a proof of existence before expiry
  if (f.cryptoExpiry && !(poe && poe < f.cryptoExpiry))
    return verdict('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', f.cryptoExpiry);
  if (f.revocationUnknown && !revokedAfterPoe) return verdict('INDETERMINATE', 'TRY_LATER');
  return verdict('TOTAL_PASSED', null);
}
