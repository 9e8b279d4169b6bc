/** Certificate-side checks of one signature: chain, revocation along the chain, key usage, crypto constraints. */
import { t } from '../i18n/translate';
import type { RevocationChecker } from '../revocation/revocation-checker';
import { notChecked } from '../revocation/revocation-checker';
import type { TrustStore } from '../trust/trust-store';
import type { Qualification } from '../trust/qualifications';
import type { CertInfo } from '../x509/cert-info-types';
import { parseCertificate } from '../x509/cert-info';
import type { HashName } from '../cms/algorithm-oids';
import { completeChain, rememberedChain } from './chain-completion';
import { chainCryptoUses } from './chain-crypto';
import { assessCrypto, digestUse, keyUse, type CryptoUse } from '../x509/crypto-policy';
import { validityOf, type ParsedCert } from '../x509/certificates';
import { nameOf, pathFailureMessage } from '../x509/path-validation';
import { OID as X509_OID } from '../x509/oids';
import type { ChainEntry } from './types';
import type { RevocationReport } from '../revocation/revocation-report';
import { isHold } from '../revocation/reasons';

export interface CertChecks {
  /** a certificate of the chain is suspended (certificateHold) */
  onHold?: boolean;
  info: CertInfo;
  chain: ChainEntry[];
  chainFound: boolean;
  anchorQualified: boolean | undefined;
  /** the trusted-list service's qualifications at the best signature time (TL anchors only) */
  anchorQualifications?: Qualification[];
  revocation: RevocationReport | null;
  revokedAt?: Date;
  /** a CA certificate of the chain (below the anchor) is revoked: its name and revocation time */
  caRevoked?: { name: string; time: Date };
  revocationUnknown: boolean;
  keyUsageOk: boolean;
  /** an algorithm is not acceptable at any date (CRYPTO_CONSTRAINTS_FAILURE) */
  weakCrypto: boolean;
  /** the earliest expiry date of the algorithms expired now (NO_POE unless a POE is before it) */
  cryptoExpiry?: Date;
  /** a CA certificate of the chain is not valid now or at the claimed signing time */
  caOutOfBounds: boolean;
  /** the path to the anchor breaks an RFC 5280 rule: the message naming the certificate and the rule */
  pathFailure?: string;
  messages: string[];
}

export interface CertCheckContext {
  pool: ParsedCert[];
  trust: TrustStore;
  revocation?: RevocationChecker;
}

/** exported for tests */
export const NOT_FOR_SIGNING = {
  it: 'Il certificato del firmatario non ha l’uso «non ripudio» (nonRepudiation): è un certificato di autenticazione, non di firma, e la firma non è qualificata.',
  en: 'The signer certificate lacks the nonRepudiation key usage: it is an authentication certificate, not a signature certificate, and the signature is not qualified.',
};

/**
 * A signer certificate not meant for signatures: keyUsage without nonRepudiation, and no purpose that signs
 * without it (timeStamping). The report's message and the CLI's line both ask this.
 */
export function notForSigning(c: { keyUsage: string[]; extendedKeyUsage: string[] }): boolean {
  return (
    c.keyUsage.length > 0 &&
    !c.keyUsage.includes('nonRepudiation') &&
    !c.extendedKeyUsage.includes('timeStamping')
  );
}

const OFFLINE_NOT_CHECKED = {
  it: 'Revoca non verificata.',
  en: 'Revocation not checked.',
};

/** the fields of a chain entry that depend on the certificate alone, made once per certificate (batches) */
const certFields = new WeakMap<ParsedCert, Omit<ChainEntry, 'trustAnchor' | 'trustSource' | 'revocation'>>();

function chainEntry(
  p: ParsedCert,
  anchorSource: string | null,
  revocation: RevocationReport | null,
): ChainEntry {
  let own = certFields.get(p);
  if (!own) {
    own = {
      subject: p.x509.subject.replace(/\n/g, ', '),
      issuer: p.x509.issuer.replace(/\n/g, ', '),
      serialNumber: p.x509.serialNumber.toLowerCase(),
      notBefore: new Date(p.x509.validFrom).toISOString(),
      notAfter: new Date(p.x509.validTo).toISOString(),
      fingerprintSha256: p.fingerprint,
    };
    certFields.set(p, own);
  }
  // written out (not spread): the same key order, without the generic copy a spread costs per entry
  return {
    subject: own.subject,
    issuer: own.issuer,
    serialNumber: own.serialNumber,
    notBefore: own.notBefore,
    notAfter: own.notAfter,
    fingerprintSha256: own.fingerprintSha256,
    trustAnchor: anchorSource !== null,
    trustSource: anchorSource,
    revocation,
  };
}

/** The certificates of the chain are checked for revocation, each against its issuer (the anchor excluded). */
async function revocationAlong(
  certs: ParsedCert[],
  ctx: CertCheckContext,
  after: Date,
): Promise<(RevocationReport | null)[]> {
  return Promise.all(
    certs.map((c, i) => {
      const issuer = certs[i + 1];
      if (!issuer) return null;
      if (!ctx.revocation) return notChecked(t(OFFLINE_NOT_CHECKED));
      // the signing certificate's "good" must come from data issued after the best signature time (DSS)
      return ctx.revocation.check(c, issuer, i === 0 ? after : undefined);
    }),
  );
}

const CA_REVOCATION = {
  it: 'Autorità «{name}»: {message}',
  en: 'Authority "{name}": {message}',
};

const CA_OUT_OF_BOUNDS = {
  it: 'Il certificato dell’autorità {name} non è valido alla data di firma o oggi ({from} — {to}).',
  en: 'The authority certificate {name} is not valid at the signing time or today ({from} — {to}).',
};

/** every CA certificate above the signer valid at `at` and now */
function caValidity(certs: ParsedCert[], at: Date, now: Date, messages: string[]): boolean {
  let ok = true;
  for (const c of certs.slice(1)) {
    const bounds = validityOf(c);
    const from = new Date(bounds.from);
    const to = new Date(bounds.to);
    const inside = (d: Date) => d >= from && d <= to;
    if (!inside(at) || !inside(now)) {
      ok = false;
      const name = c.x509.subject.split('\n').find((l) => l.startsWith('CN=')) ?? c.x509.subject;
      messages.push(t(CA_OUT_OF_BOUNDS, { name, from: from.toISOString(), to: to.toISOString() }));
    }
  }
  return ok;
}

const infoCache = new Map<string, CertInfo>();

/** A's parseCertificate, memoised per certificate (batches verify the same signers many times). */
function certInfo(p: ParsedCert): CertInfo {
  let info = infoCache.get(p.fingerprint);
  if (!info) {
    if (infoCache.size > 2000) infoCache.clear();
    info = parseCertificate(p.der);
    infoCache.set(p.fingerprint, info);
  }
  return info;
}

export async function checkSignerCertificate(
  signer: ParsedCert,
  hashes: HashName[],
  ctx: CertCheckContext & { now: Date; signingTime?: Date; poe?: Date },
): Promise<CertChecks> {
  const info = certInfo(signer);
  const messages: string[] = [];
  // trusted-list anchors are taken as they stand at the best signature time: a proven time (a verified signature
  // timestamp, a POE from outside), else now. The claimed signingTime proves nothing (ETSI EN 319 102-1 §5.6.2,
  // TS 119 615; DSS): a signer's back-dated claim must not revive a service withdrawn since.
  const at = ctx.poe ?? ctx.now;
  const built = rememberedChain(signer, ctx, at) ?? (await completeChain(signer, ctx, at));
  messages.push(...built.notes);
  const chainFound = built.anchor !== undefined;
  const revs = chainFound
    ? await revocationAlong(built.certs, ctx, ctx.poe ?? ctx.now)
    : built.certs.map(() => null);
  const chain = built.certs.map((c, i) =>
    chainEntry(c, i === built.certs.length - 1 && built.anchor ? built.anchor.source : null, revs[i] ?? null),
  );
  const caOk = caValidity(built.certs, ctx.signingTime ?? ctx.now, ctx.now, messages);
  // a suspension (certificateHold) is no revocation: INDETERMINATE/TRY_LATER (indication.ts)
  const revoked = revs[0]?.status === 'revoked' && !isHold(revs[0]) ? revs[0] : undefined;
  // a suspension dated after the proof of existence says nothing of the signature, as a revocation then
  const poeTime = ctx.poe?.getTime();
  const heldAfterPoe = (r: (typeof revs)[number]): boolean =>
    isHold(r) && poeTime !== undefined && !!r?.revocationTime && poeTime < Date.parse(r.revocationTime);
  const onHold = chainFound && revs.some((r) => isHold(r) && !heldAfterPoe(r));
  const caIndex = revs.findIndex(
    (r, i) => i > 0 && r?.status === 'revoked' && !isHold(r) && r.revocationTime,
  );
  const caRevoked =
    caIndex > 0
      ? {
          name: nameOf(built.certs[caIndex] as ParsedCert),
          time: new Date(revs[caIndex]?.revocationTime ?? 0),
        }
      : undefined;
  const revocationUnknown =
    chainFound && revs.some((r) => r !== null && r.status !== 'good' && !heldAfterPoe(r));
  revs.forEach((r, i) => {
    const c = built.certs[i];
    if (r && r.status !== 'good' && r.message && c) {
      messages.push(i === 0 ? r.message : t(CA_REVOCATION, { name: nameOf(c), message: r.message }));
    }
  });
  // a keyUsage present but unreadable or with no bit set allows nothing (RFC 5280 §4.2.1.3): only an absent
  // extension leaves the key's use open
  const keyUsagePresent = signer.cert.extensions?.some((e) => e.extnID === X509_OID.keyUsage) === true;
  const keyUsageOk =
    !keyUsagePresent ||
    info.keyUsage.includes('nonRepudiation') ||
    info.keyUsage.includes('digitalSignature');
  // a CNS carries an authentication certificate (digitalSignature, clientAuth) beside the signature one: a
  // signature made with it is valid but no qualified signature — said, as DSS's default policy warns (a TSA
  // certificate, timeStamping, is meant to sign without nonRepudiation)
  if (notForSigning(info)) messages.push(t(NOT_FOR_SIGNING));
  const uses: (CryptoUse | undefined)[] = hashes.map(digestUse);
  uses.push(keyUse(info.keyType, info.keySize));
  for (const u of chainCryptoUses(built.certs)) uses.push(u);
  const crypto = assessCrypto(uses, ctx.now);
  messages.push(...crypto.messages);
  return {
    info,
    chain,
    chainFound,
    anchorQualified: built.anchor?.qualified,
    anchorQualifications: built.anchor?.qualifications,
    revocation: revs[0] ?? null,
    revokedAt: revoked?.revocationTime ? new Date(revoked.revocationTime) : undefined,
    caRevoked,
    onHold,
    revocationUnknown,
    keyUsageOk,
    weakCrypto: crypto.refused,
    cryptoExpiry: crypto.expiry,
    caOutOfBounds: !caOk,
    pathFailure: built.failure ? pathFailureMessage(built.failure) : undefined,
    messages,
  };
}
