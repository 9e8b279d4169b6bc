/**
 * Checks of a TimeStampToken, shared by the client (right after the TSA answers) and by verification: the
 * content type is TSTInfo, the imprint matches the data, the single SignerInfo verifies over the TSTInfo
 * (D's signer verification: signature value, ESS signing certificate, chain, revocation), and the TSA
 * certificate carries the extended key usage RFC 3161 §2.3 requires: critical, with timeStamping as its only
 * purpose (as OpenSSL's and Bouncy Castle's TSP checks).
 */
import { createHash } from 'node:crypto';
import { t } from '../i18n/translate';
import type { RevocationChecker } from '../revocation/revocation-checker';
import { TrustStore } from '../trust/trust-store';
import type { HashName } from '../cms/algorithm-oids';
import { parseCerts, type ParsedCert } from '../x509/certificates';
import { OID as X509_OID } from '../x509/oids';
import { assessCrypto, digestUse } from '../x509/crypto-policy';
import { decide, type Verdict } from './indication';
import { verifySignerInfo } from './verify-signer-info';
import type { TimestampReport } from './timestamp-report';
import type { SignatureReport } from './types';
import type { TimestampToken } from '../tsa/timestamp-token';
import { OID } from '../cms/oids';

export type { TimestampReport } from './timestamp-report';

export interface TokenCheckContext {
  trust?: TrustStore;
  revocation?: RevocationChecker;
  now?: Date;
}

const EMPTY_TRUST = new TrustStore([]);

/** The digest of the timestamped data for a given hash; undefined when it cannot be computed. */
export type DataDigest = (h: HashName) => Uint8Array | undefined;

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

const GEN_TIME_EARLY = {
  it: 'La marca temporale dichiara il {time}, prima dell’inizio di validità del certificato della TSA.',
  en: 'The timestamp claims {time}, before the TSA certificate became valid.',
};
const GEN_TIME_LATE = {
  it: 'La marca temporale dichiara il {time}, dopo la scadenza del certificato della TSA.',
  en: 'The timestamp claims {time}, after the TSA certificate expired.',
};

const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/** RFC 3161 §2.3: one extendedKeyUsage extension, critical, whose only KeyPurposeId is id-kp-timeStamping */
function tsaEkuOk(cert: ParsedCert | undefined, eku: string[]): boolean {
  const ext = cert?.cert.extensions?.filter((e) => e.extnID === X509_OID.extKeyUsage) ?? [];
  const only = eku.length === 1 && (eku[0] === 'timeStamping' || eku[0] === TIME_STAMPING);
  return ext.length === 1 && ext[0]?.critical === true && only;
}

const TSA_EKU = {
  it: 'Il certificato della TSA non ha l’uso esteso timeStamping come unico uso, in un’estensione critica (RFC 3161).',
  en: 'The TSA certificate lacks the timeStamping extended key usage as its only purpose, in a critical extension (RFC 3161).',
};

/**
 * A timestamp checked as a CMS signature (a PDF's document timestamp): its signer must be a TSA by RFC 3161 §2.3
 * as for every other token, else INDETERMINATE/CHAIN_CONSTRAINTS_FAILURE — any trusted certificate (a signer's
 * own card) would otherwise make a "valid" timestamp of any time it likes. `pool`: where its certificate is.
 */
export function withTsaRule(report: SignatureReport, pool: ParsedCert[]): SignatureReport {
  if (!report.certificate) return report;
  const cert = pool.find((c) => c.fingerprint === report.chain[0]?.fingerprintSha256);
  if (tsaEkuOk(cert, report.certificate.extendedKeyUsage ?? [])) return report;
  const messages = [...report.messages, t(TSA_EKU)];
  if (report.indication === 'TOTAL_FAILED') return { ...report, messages };
  return {
    ...report,
    indication: 'INDETERMINATE',
    subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
    explanation: t(TSA_EKU),
    messages,
  };
}

/** the same explanation as a signer's, said of the timestamp (it is not a signature of the document) */
export const TIMESTAMP_PASSED = {
  it: 'La marca temporale è valida: i dati marcati sono integri e il certificato della TSA è affidabile e valido.',
  en: 'The timestamp is valid: the timestamped data is intact and the TSA certificate is trusted and valid.',
};

function outsideValidity(genTime: Date, cert: { notBefore: string; notAfter: string }): boolean {
  return genTime < new Date(cert.notBefore) || genTime > new Date(cert.notAfter);
}

/**
 * The imprint's hash is one more algorithm the timestamp relies on (the signature's own are judged by
 * verifySignerInfo): an expired one is NO_POE (nothing older proves the token), an unaccepted one a failure.
 */
function imprintCrypto(sig: Verdict, hash: HashName | undefined, now: Date, messages: string[]): Verdict {
  // crypto constraints come before TRY_LATER in precedence; any other finding is already worse
  if (!hash || (sig.indication !== 'TOTAL_PASSED' && sig.subIndication !== 'TRY_LATER')) return sig;
  const c = assessCrypto([digestUse(hash)], now);
  messages.push(...c.messages);
  if (c.refused)
    return decide({ ...HASH_FAILED, hashOk: true, sigOk: true, chainFound: true, weakCrypto: true });
  if (c.expiry)
    return decide({
      ...HASH_FAILED,
      hashOk: true,
      sigOk: true,
      chainFound: true,
      cryptoExpiry: c.expiry,
      now,
    });
  return sig;
}

export async function checkTimestampToken(
  token: TimestampToken,
  dataDigest: DataDigest,
  ctx: TokenCheckContext = {},
): Promise<TimestampReport> {
  const messages: string[] = [];
  const { info } = token;
  const expected = info.hash ? dataDigest(info.hash) : undefined;
  const imprintMatches = expected !== undefined && equal(expected, info.imprint);
  if (!imprintMatches) {
    messages.push(
      t({
        it: 'L’impronta nella marca temporale non corrisponde ai dati.',
        en: 'The imprint in the timestamp does not match the data.',
      }),
    );
  }
  const tstDigest = (h: HashName) => new Uint8Array(createHash(h).update(token.tstInfoDer).digest());
  const trust = ctx.trust ?? EMPTY_TRUST;
  const pool = parseCerts([...token.certificates, ...trust.anchors.map((a) => a.der)]);
  const [si] = token.signerInfos;
  const wellFormed = token.eContentType === OID.tstInfo && token.signerInfos.length === 1 && si;
  const sig = wellFormed
    ? await verifySignerInfo(
        si,
        { contentType: OID.tstInfo, digest: tstDigest },
        { pool, trust, revocation: ctx.revocation, now: ctx.now ?? new Date(), depth: 0, inTimestamp: true },
      )
    : undefined;
  if (sig) messages.push(...sig.messages);
  const tsaCert = pool.find((c) => c.fingerprint === sig?.chain[0]?.fingerprintSha256);
  const ekuOk = tsaEkuOk(tsaCert, sig?.certificate?.extendedKeyUsage ?? []);
  if (sig?.certificate && !ekuOk) messages.push(t(TSA_EKU));
  const integrity = imprintMatches && sig?.integrity === 'valid' ? 'valid' : 'invalid';
  let verdict: Pick<TimestampReport, 'indication' | 'subIndication' | 'explanation'>;
  if (!sig) verdict = decide({ formatFailure: true } as Parameters<typeof decide>[0]);
  else if (!imprintMatches) verdict = decide({ ...HASH_FAILED });
  else if (!ekuOk && sig.indication !== 'TOTAL_FAILED') {
    // the explanation says why (the signature's own would read "the signature is valid")
    verdict = {
      indication: 'INDETERMINATE',
      subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
      explanation: t(TSA_EKU),
    };
  } else if (
    sig.indication !== 'TOTAL_FAILED' &&
    sig.certificate &&
    outsideValidity(info.genTime, sig.certificate)
  ) {
    // a genTime the TSA certificate was not valid at is incoherent: it proves no time (it would back-date a POE)
    const before = info.genTime < new Date(sig.certificate.notBefore);
    verdict = decide({
      ...HASH_FAILED,
      hashOk: true,
      sigOk: true,
      signingTime: info.genTime,
      notBefore: new Date(sig.certificate.notBefore),
      notAfter: new Date(sig.certificate.notAfter),
    });
    messages.push(t(before ? GEN_TIME_EARLY : GEN_TIME_LATE, { time: info.genTime.toISOString() }));
  } else verdict = imprintCrypto(sig, info.hash, ctx.now ?? new Date(), messages);
  if (verdict.indication === 'TOTAL_PASSED') verdict = { ...verdict, explanation: t(TIMESTAMP_PASSED) };
  return {
    genTime: info.genTime.toISOString(),
    policy: info.policy,
    serialNumber: info.serialNumber,
    hashAlgorithm: info.hash ?? info.hashOid,
    tsa: sig?.certificate?.subject.commonName ?? sig?.certificate?.subject.dn ?? null,
    imprintMatches,
    integrity,
    indication: verdict.indication,
    subIndication: verdict.subIndication,
    explanation: verdict.explanation,
    chain: sig?.chain ?? [],
    messages,
  };
}

const HASH_FAILED = {
  formatFailure: false,
  signerCertFound: true,
  hashOk: false,
  sigOk: undefined,
  essMismatch: false,
  chainFound: false,
  revocationUnknown: false,
  now: new Date(0),
  keyUsageOk: true,
  weakCrypto: false,
};
