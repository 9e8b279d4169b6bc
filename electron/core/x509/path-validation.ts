/**
 * RFC 5280 §6.1 basic path validation rules (ETSI EN 319 102-1 §5.2.6 X.509 certificate validation) over a
 * built chain, signer first, trust anchor (when reached) last. Trust anchor information is an input, not a
 * certificate to check (RFC 5280 §6.1.1 d): the anchor's own extensions are not checked, its pathLenConstraint is
 * honoured (as OpenSSL does) — the trusted certificate's, never a file copy's (chain.ts). Checked for every
 * certificate below the anchor:
 * - no extension twice (§4.2 "MUST NOT include more than one instance"; Bouncy Castle, so DSS, refuses such a
 *   certificate) and no unrecognised or unprocessable critical extension (leaf included; §4.2, §6.1.4 o,
 *   §6.1.5 f): a critical keyUsage that is no BIT STRING is not read as "no keyUsage";
 * - each issuer below the anchor: basicConstraints cA=TRUE (§6.1.4 k, any version: a v1/v2 intermediate is
 *   rejected, there is no out-of-band knowledge), keyUsage with keyCertSign when present (§6.1.4 n),
 *   pathLenConstraint (§6.1.4 l, m; self-issued certificates do not count);
 * - nameConstraints of the CAs below the anchor (name-constraints.ts: directoryName; other forms fail closed).
 * Name chaining and signatures are checked when the chain is built (certificates.ts `issuedBy`); validity
 * at the relevant time by signer-checks (caValidity) and indication.ts.
 */
import { t, type Message } from '../i18n/translate';
import { parseCertificate } from './cert-info';
import { OID } from './oids';
import { readElement } from '../cms/der-parse';
import { toBytes } from '../cms/bytes';
import { isSelfIssued, type ParsedCert } from './certificates';
import { checkNameConstraints } from './name-constraints';

export type PathRule =
  | 'duplicateExtension'
  | 'criticalExtension'
  | 'notCA'
  | 'keyCertSign'
  | 'pathLen'
  | 'nameConstraints'
  | 'nameConstraintsUnsupported'
  | 'cRLSign';

export interface PathFailure {
  cert: ParsedCert;
  rule: PathRule;
  /** the unknown critical extension OID, the pathLen that was exceeded */
  detail?: string;
}

/**
 * Extensions this verifier recognises (processes, or may ignore by RFC 5280 / ETSI rules when critical).
 * Policy extensions: the validation runs with initial-policy-set anyPolicy and no explicit policy required,
 * so their processing cannot fail a path that has policies; they are recognised.
 */
const RECOGNISED = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.16', // privateKeyUsagePeriod
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  OID.basicConstraints,
  OID.nameConstraints,
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
  '2.5.29.33', // policyMappings
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.36', // policyConstraints
  '2.5.29.37', // extKeyUsage
  '2.5.29.46', // freshestCRL
  '2.5.29.54', // inhibitAnyPolicy
  '2.5.29.9', // subjectDirectoryAttributes
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.5.5.7.1.3', // qcStatements
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
  '1.3.6.1.5.5.7.48.1.5', // id-pkix-ocsp-nocheck
]);

function basicConstraints(c: ParsedCert): { cA: boolean; pathLen?: number } | undefined {
  const ext = c.cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  const v = ext?.parsedValue as { cA?: boolean; pathLenConstraint?: unknown } | undefined;
  if (!ext || !v) return undefined;
  const len = v.pathLenConstraint;
  const pathLen =
    typeof len === 'number'
      ? len
      : (len as { valueBlock?: { valueDec?: number } } | undefined)?.valueBlock?.valueDec;
  return { cA: v.cA === true, pathLen: typeof pathLen === 'number' && pathLen >= 0 ? pathLen : undefined };
}

/** KeyUsage ::= BIT STRING, the whole extnValue: an unused-bits count 0–7 (0 when there are no bits) */
function keyUsageReadable(value: Uint8Array): boolean {
  try {
    const e = readElement(value, 0);
    const unused = value[e.valueStart] ?? 8;
    const bytes = e.valueEnd - e.valueStart;
    return e.tag === 0x03 && e.end === value.length && unused <= (bytes === 1 ? 0 : 7);
  } catch {
    return false;
  }
}

/** The first critical extension this verifier does not recognise (or could not parse), if any. */
function unknownCriticalExtension(c: ParsedCert): string | undefined {
  for (const e of c.cert.extensions ?? []) {
    if (!e.critical) continue;
    if (!RECOGNISED.has(e.extnID)) return e.extnID;
    if (e.extnID === OID.basicConstraints && !basicConstraints(c)) return e.extnID;
    if (e.extnID === OID.keyUsage && !keyUsageReadable(toBytes(e.extnValue.valueBlock.valueHexView)))
      return e.extnID;
  }
  return undefined;
}

/** an extension that appears twice (RFC 5280 §4.2), if any */
function repeatedExtension(c: ParsedCert): string | undefined {
  const seen = new Set<string>();
  for (const e of c.cert.extensions ?? []) {
    if (seen.has(e.extnID)) return e.extnID;
    seen.add(e.extnID);
  }
  return undefined;
}

/**
 * What makes a certificate's extensions unacceptable whatever its place in a path (RFC 5280 §4.2): one
 * extension twice, a critical one not recognised or not processable. Undefined when none.
 */
export function extensionFailure(c: ParsedCert): PathFailure | undefined {
  const twice = repeatedExtension(c);
  if (twice) return { cert: c, rule: 'duplicateExtension', detail: twice };
  const critical = unknownCriticalExtension(c);
  return critical ? { cert: c, rule: 'criticalExtension', detail: critical } : undefined;
}

const keyUsageMemo = new WeakMap<ParsedCert, string[] | undefined>();

/** the keyUsage names, undefined when the extension is absent ([] when unreadable: nothing allowed) */
function keyUsage(c: ParsedCert): string[] | undefined {
  if (!keyUsageMemo.has(c)) {
    let ku: string[] | undefined;
    try {
      const present = c.cert.extensions?.some((e) => e.extnID === '2.5.29.15');
      ku = present ? parseCertificate(c.der).keyUsage : undefined;
    } catch {
      ku = [];
    }
    keyUsageMemo.set(c, ku);
  }
  return keyUsageMemo.get(c);
}

/** A CRL issuer: keyUsage, when present, must contain cRLSign (RFC 5280 §6.3.3 f). */
export function crlIssuerOk(c: ParsedCert): boolean {
  const ku = keyUsage(c);
  return ku === undefined || ku.includes('cRLSign');
}

/** The checks of certificate `issuer` as the issuer of another certificate of the path. */
function issuerFailure(issuer: ParsedCert): PathFailure | undefined {
  const bc = basicConstraints(issuer);
  if (!bc?.cA) return { cert: issuer, rule: 'notCA' };
  const ku = keyUsage(issuer);
  if (ku !== undefined && !ku.includes('keyCertSign')) return { cert: issuer, rule: 'keyCertSign' };
  return undefined;
}

/**
 * The first rule the path breaks, walking from the anchor down (as RFC 5280 §6.1 does); undefined when the
 * path is valid. `certs`: signer first; `anchored`: the last certificate is the trust anchor.
 */
export function validatePath(certs: ParsedCert[], anchored: boolean): PathFailure | undefined {
  const top = anchored ? certs.length - 1 : certs.length;
  let maxPath = Number.POSITIVE_INFINITY;
  let limitedBy: ParsedCert | undefined;
  const anchor = anchored ? certs[top] : undefined;
  const anchorLen = anchor ? basicConstraints(anchor)?.pathLen : undefined;
  if (anchor && anchorLen !== undefined) [maxPath, limitedBy] = [anchorLen, anchor];
  for (let i = top - 1; i >= 0; i--) {
    const c = certs[i] as ParsedCert;
    const bad = extensionFailure(c);
    if (bad) return bad;
    if (i === 0) break;
    const failure = issuerFailure(c);
    if (failure) return failure;
    if (!isSelfIssued(c)) {
      if (maxPath <= 0) return { cert: c, rule: 'pathLen', detail: limitedBy ? nameOf(limitedBy) : '' };
      maxPath--;
    }
    const len = basicConstraints(c)?.pathLen;
    if (len !== undefined && len < maxPath) [maxPath, limitedBy] = [len, c];
  }
  return checkNameConstraints(certs, top - 1);
}

/** The common name of a certificate's subject, else its whole subject. */
export function nameOf(c: ParsedCert): string {
  const lines = c.x509.subject.split('\n');
  return lines.find((l) => l.startsWith('CN='))?.slice(3) ?? lines.join(', ');
}

const MESSAGES: Record<PathRule, Message> = {
  duplicateExtension: {
    it: 'Il certificato «{name}» contiene più volte la stessa estensione ({detail}), vietato da RFC 5280: percorso di certificazione non valido.',
    en: 'The certificate "{name}" contains the same extension more than once ({detail}), which RFC 5280 forbids: the certification path is not valid.',
  },
  criticalExtension: {
    it: 'Il certificato «{name}» ha un’estensione critica non riconosciuta o illeggibile ({detail}): percorso di certificazione non valido.',
    en: 'The certificate "{name}" has an unrecognised or unreadable critical extension ({detail}): the certification path is not valid.',
  },
  notCA: {
    it: 'Il certificato «{name}» ha emesso un altro certificato ma non è un’autorità di certificazione (basicConstraints cA assente).',
    en: 'The certificate "{name}" issued another certificate but is not a certification authority (basicConstraints cA missing).',
  },
  keyCertSign: {
    it: 'Il certificato dell’autorità «{name}» non è abilitato a firmare certificati (keyUsage senza keyCertSign).',
    en: 'The authority certificate "{name}" may not sign certificates (keyUsage without keyCertSign).',
  },
  pathLen: {
    it: 'Il certificato dell’autorità «{name}» supera la lunghezza massima del percorso consentita da «{detail}» (pathLenConstraint).',
    en: 'The authority certificate "{name}" exceeds the maximum path length allowed by "{detail}" (pathLenConstraint).',
  },
  nameConstraints: {
    it: 'Il nome del certificato «{name}» è fuori dai vincoli sui nomi (nameConstraints) di un’autorità sopra di esso.',
    en: 'The name of the certificate "{name}" is outside the name constraints (nameConstraints) of an authority above it.',
  },
  nameConstraintsUnsupported: {
    it: 'Il certificato dell’autorità «{name}» contiene vincoli sui nomi (nameConstraints) di una forma non supportata: percorso rifiutato.',
    en: 'The authority certificate "{name}" has name constraints (nameConstraints) of an unsupported form: path refused.',
  },
  cRLSign: {
    it: 'Il certificato «{name}» firma liste di revoca ma non è abilitato (keyUsage senza cRLSign).',
    en: 'The certificate "{name}" signs revocation lists but may not (keyUsage without cRLSign).',
  },
};

export function pathFailureMessage(f: PathFailure): string {
  return t(MESSAGES[f.rule], { name: nameOf(f.cert), detail: f.detail ?? '' });
}
