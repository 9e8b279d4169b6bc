/**
 * Verifies one SignerInfo (and, recursively, its counter-signatures) against the content digest: signed
 * attributes, signature value, signing certificate, then the certificate checks and the ETSI indication.
 */
import { t } from '../i18n/translate';
import {
  OID_RSA_PSS,
  digestAlgorithmHash,
  KEY_TYPES,
  digestBytes,
  hashLabel,
  pssParams,
  signatureAlgo,
  signatureLabel,
  type HashName,
} from '../cms/algorithm-oids';
import { certDigest, findAllBySignerId, keyRefusal, validityOf, type ParsedCert } from '../x509/certificates';
import { equalBytes } from '../cms/bytes';
import { readSignerInfo, type SignerInfoFields } from '../cms/signer-info-reader';
import { decide, type Findings } from './indication';
import { readSignedAttributes, readUnsignedAttributes, type SignedAttributes } from './signed-attributes';
import { checkSignerCertificate, type CertCheckContext, type CertChecks } from './signer-checks';
import { verifySignatureValue, type SignatureValueInput } from '../cms/signature-value';
import { decideSignature } from './signer-verdict';
import type { CadesForm, SignatureReport, SignerSummary } from './types';
import { checkSignatureTimestamps } from './signature-timestamps';
import { embeddedContext } from './embedded-validation';
import { earliest } from './signature-timestamps';
import { checkArchiveTimestamps } from './archive-timestamps';
import { OID_ARCHIVE_TIME_STAMP_V3, type ArchivedSignedData } from './archive-attributes';
import { OID } from '../cms/oids';
import { CMS_LIMITS, counterSignaturesTooDeep } from '../cms/limits';
import { contentMissingNote } from './content-missing';
import { qualifiedUnderService } from '../trust/qualifications';
import { chooseSigner } from './signer-choice';

/** What was signed: its content type (absent for counter-signatures) and its digest per algorithm. */
export interface SignedContent {
  contentType?: string;
  /** hashes that made the content itself (they count against the crypto constraints) */
  hashes?: HashName[];
  digest(h: HashName): Uint8Array | undefined;
  /**
   * settles once `digest` can answer (a big PDF's ranges still being hashed): everything that does not need the
   * digest is checked first, then this is awaited; absent, `digest` answers at once
   */
  ready?: Promise<unknown>;
  /** detached content not given: its digest is unknown, the rest is checked */
  missing?: boolean;
}

export interface SignerInfoContext extends CertCheckContext {
  now: Date;
  depth: number;
  /** proof of existence from outside the SignerInfo (e.g. a .m7m timestamp; issue 10) */
  poe?: Date;
  /** the SignedData around a top-level SignerInfo, for its CAdES archive timestamps */
  signedData?: ArchivedSignedData;
  /**
   * the SignerInfo is a timestamp's (or one of its counter-signatures): the timestamps in its unsigned attributes
   * are not checked (they prove no time of the signature; DSS does not look for them either), else a token
   * carrying a token carrying a token… would be checked to any depth
   */
  inTimestamp?: boolean;
}

export function emptySigner(): SignerSummary {
  return { commonName: null, fiscalCode: null, givenName: null, surname: null, organization: null };
}

export function signerSummary(c: CertChecks | undefined): SignerSummary {
  const s = c?.info.subject;
  if (!s) return emptySigner();
  return {
    commonName: s.commonName ?? null,
    fiscalCode: s.fiscalCode ?? null,
    givenName: s.givenName ?? null,
    surname: s.surname ?? null,
    organization: s.organization ?? null,
  };
}

/** The report of a signature that could not be read or checked at all. */
export function formatFailure(depth: number, message: string): SignatureReport {
  const v = decide({ formatFailure: true } as Findings);
  return {
    signer: emptySigner(),
    signingTime: null,
    digestAlgorithm: 'unknown',
    signatureAlgorithm: 'unknown',
    integrity: 'invalid',
    ...v,
    qualified: false,
    depth,
    cadesForm: 'CMS',
    hasTimestamp: false,
    certificate: null,
    chain: [],
    revocation: null,
    messages: [message],
    counterSignatures: [],
  };
}

function cadesForm(attrs: SignedAttributes | undefined): CadesForm {
  if (!attrs || (!attrs.signingCertificateV2 && !attrs.signingCertificateV1)) return 'CMS';
  return attrs.signaturePolicy ? 'CAdES-EPES' : 'CAdES-BES';
}

const NESTED_TIMESTAMP = {
  it: 'Marca temporale dentro una marca temporale: non verificata (non prova l’esistenza della firma).',
  en: 'Timestamp inside a timestamp: not checked (it is no proof of existence of the signature).',
};

const TIMESTAMP_ATTRIBUTES = new Set([OID.signatureTimeStamp, OID_ARCHIVE_TIME_STAMP_V3]);

/** a signature or archive timestamp among the unsigned attributes */
function hasTimestampAttributes(si: SignerInfoFields): boolean {
  return (si.unsignedAttrs ?? []).some((a) => TIMESTAMP_ATTRIBUTES.has(a.type));
}

const UNSUPPORTED_ALGORITHM = {
  it: 'Algoritmo di firma non supportato o sconosciuto ({oid}).',
  en: 'Unsupported or unknown signature algorithm ({oid}).',
};
const KEY_MISMATCH = {
  it: 'L’algoritmo di firma ({oid}) non corrisponde alla chiave del certificato.',
  en: 'The signature algorithm ({oid}) does not match the certificate key.',
};

/** The signature value check over the signed attributes (as found, then DER-sorted) or the content digest. */
function checkSignatureValue(
  signer: ParsedCert,
  si: SignerInfoFields,
  attrs: SignedAttributes | undefined,
  content: SignedContent,
  hash: HashName,
  messages: string[],
): boolean | undefined {
  if (keyRefusal(signer)) return undefined;
  // an unknown signatureAlgorithm is not guessed from the key (DSS: not intact)
  const algo = signatureAlgo(si.signatureAlgorithm.oid);
  if (!algo) {
    messages.push(t(UNSUPPORTED_ALGORITHM, { oid: si.signatureAlgorithm.oid }));
    return false;
  }
  const base = {
    publicKey: signer.x509.publicKey,
    scheme: algo.scheme,
    hash,
    mgfHash: algo.scheme === 'rsa-pss' ? pssParams(si.signatureAlgorithm.params)?.mgfHash : undefined,
    signature: si.signature,
  };
  if (
    !base.publicKey.asymmetricKeyType ||
    !KEY_TYPES[algo.scheme].includes(base.publicKey.asymmetricKeyType)
  ) {
    messages.push(t(KEY_MISMATCH, { oid: si.signatureAlgorithm.oid }));
    return false;
  }
  if (!attrs) {
    const r = verifySignatureValue({ ...base, digest: (h) => content.digest(h) });
    if (r === undefined) {
      messages.push(
        t({
          it: 'Firma senza attributi firmati non verificabile con questo algoritmo.',
          en: 'Signature without signed attributes cannot be checked with this algorithm.',
        }),
      );
    }
    return r;
  }
  let i = 0;
  for (const data of attrs.encodings) {
    const reSorted = i++ > 0;
    const input: SignatureValueInput = {
      publicKey: base.publicKey,
      scheme: base.scheme,
      hash: base.hash,
      mgfHash: base.mgfHash,
      signature: base.signature,
      data,
    };
    if (verifySignatureValue(input)) {
      if (reSorted) {
        messages.push(
          t({
            it: 'Attributi firmati non in ordine DER: verificati sulla codifica DER riordinata.',
            en: 'Signed attributes not in DER order: verified over the DER re-sorted encoding.',
          }),
        );
      }
      return true;
    }
  }
  return false;
}

/**
 * Qualified only when the chain reaches a trust anchor. Under a trusted-list anchor: the service is a CA/QC granted
 * for e-signatures at the best signature time and the certificate is qualified under it (its QcCompliance or a
 * QCStatement qualifier, no NotQualified: trust/qualifications.ts) — the service alone makes no certificate
 * qualified. Under another anchor: the certificate's own QcCompliance + QcSSCD statements. A certificate that
 * only claims it is reported.
 */
export function qualifiedOf(checks: CertChecks | undefined, messages: string[]): boolean {
  const qc = checks?.info.qc;
  const claims = Boolean(qc?.compliance && qc.sscd);
  if (checks?.pathFailure) return false;
  if (checks?.chainFound && checks.anchorQualified !== undefined) {
    const { keyUsage, policies } = checks.info;
    const cert = { keyUsage, policies, qcCompliance: Boolean(qc?.compliance) };
    return checks.anchorQualified && qualifiedUnderService(checks.anchorQualifications ?? [], cert);
  }
  if (checks?.chainFound) return claims;
  if (claims) {
    messages.push(
      t({
        it: 'Il certificato si dichiara qualificato (QcCompliance, QcSSCD), ma non è riconducibile a un’autorità fidata.',
        en: 'The certificate declares itself qualified (QcCompliance, QcSSCD) but does not chain to a trusted authority.',
      }),
    );
  }
  return false;
}

export async function verifySignerInfo(
  bytes: Uint8Array,
  content: SignedContent,
  ctx: SignerInfoContext,
  counterDepth = 0,
): Promise<SignatureReport> {
  let si: SignerInfoFields;
  try {
    si = readSignerInfo(bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return formatFailure(
      ctx.depth,
      t({ it: 'SignerInfo non leggibile ({reason}).', en: 'Unreadable SignerInfo ({reason}).' }, { reason }),
    );
  }
  const messages: string[] = [];
  const digestHash = digestAlgorithmHash(si.digestAlgorithm.oid, si.digestAlgorithm.params);
  const algo = signatureAlgo(si.signatureAlgorithm.oid);
  const sigHash =
    si.signatureAlgorithm.oid === OID_RSA_PSS
      ? pssParams(si.signatureAlgorithm.params)?.hash
      : (algo?.hash ?? digestHash);
  const attrs = si.signedAttrs ? readSignedAttributes(si.signedAttrs) : undefined;
  const unsigned = readUnsignedAttributes(si.unsignedAttrs);
  const candidates = findAllBySignerId(si.sid, ctx.pool);

  // the content's digest is compared once it is known (content.ready), after the checks that do not need it
  const nonConformant =
    !!digestHash &&
    !!attrs &&
    (attrs.malformed.length > 0 || (!!content.contentType && attrs.contentType !== content.contentType));
  if (nonConformant) {
    messages.push(
      t({
        it: 'Attributi firmati non conformi (contentType o attributi ripetuti).',
        en: 'Signed attributes not conformant (contentType or repeated attributes).',
      }),
    );
  }
  // without signed attributes the signature value is over the content's digest itself
  if (!attrs && content.ready) await content.ready;

  const ess = attrs?.essCertIds[0];
  const chosen = chooseSigner(
    candidates,
    (c) => !!ess?.hash && equalBytes(certDigest(c, ess.hash), ess.certHash),
    (c) => {
      const own: string[] = [];
      const ok = sigHash ? checkSignatureValue(c, si, attrs, content, sigHash, own) : undefined;
      return { ok, messages: own };
    },
  );
  const { signer, ok: sigOk } = chosen;
  messages.push(...(chosen.messages ?? []));
  if (content.missing && signer) messages.push(contentMissingNote(sigOk));
  let essMismatch = false;
  if (signer && ess) {
    essMismatch = !ess.hash || !equalBytes(certDigest(signer, ess.hash), ess.certHash);
    if (essMismatch)
      messages.push(
        t({
          it: 'Il certificato non corrisponde all’attributo signingCertificate.',
          en: 'The certificate does not match the signingCertificate attribute.',
        }),
      );
  }
  const hashes = [digestHash, sigHash, ...(content.hashes ?? [])].filter(
    (h): h is HashName => h !== undefined,
  );
  // no unsigned attributes (the SignerInfo read has no [1]): no timestamp of either kind to look for; checked
  // before the certificate, whose revocation data must be issued after the best signature time they prove
  const stamps =
    si.unsignedAttrs && !ctx.inTimestamp
      ? await checkSignatureTimestamps(si, ctx)
      : { reports: [], messages: [], poe: undefined };
  if (ctx.inTimestamp && hasTimestampAttributes(si)) messages.push(t(NESTED_TIMESTAMP));
  let checks: CertChecks | undefined;
  if (signer) {
    // the fields the certificate checks read, named (a spread of the whole context cost every file)
    const own = embeddedContext(bytes, ctx);
    // a proven time before the certificate's issuance proves nothing for it (indication.ts: NOT_YET_VALID)
    const proven = earliest(stamps.poe, ctx.poe);
    const poe = proven && proven.getTime() < validityOf(signer).from ? undefined : proven;
    checks = await checkSignerCertificate(signer, hashes, {
      pool: own.pool,
      trust: own.trust,
      revocation: own.revocation,
      now: own.now,
      signingTime: attrs?.signingTime,
      poe,
    });
  }
  if (checks) messages.push(...checks.messages);
  if (!signer)
    messages.push(
      t({
        it: 'Certificato del firmatario assente nel file.',
        en: 'Signer certificate missing from the file.',
      }),
    );
  messages.push(...stamps.messages);
  if (content.ready) await content.ready;
  let hashOk: boolean | undefined;
  if (!digestHash) hashOk = undefined;
  else if (attrs) {
    const d = content.digest(digestHash);
    hashOk = d && attrs.messageDigest ? equalBytes(d, attrs.messageDigest) : d ? false : undefined;
    if (nonConformant) hashOk = false;
  } else hashOk = content.digest(digestHash) ? true : undefined;
  const archive =
    // an archive timestamp's imprint covers the content's digest: not checkable without it
    si.unsignedAttrs && content.contentType && ctx.signedData && !content.missing && !ctx.inTimestamp
      ? await checkArchiveTimestamps(bytes, ctx.signedData, ctx)
      : { reports: [], messages: [], poe: undefined };
  messages.push(...archive.messages);

  const signingTime = attrs?.signingTime;
  const verdict = decideSignature(
    {
      formatFailure: false,
      signer,
      hashOk,
      sigOk,
      essMismatch,
      signingTime,
      now: ctx.now,
      poe: earliest(earliest(stamps.poe, archive.poe), ctx.poe),
      contentMissing: content.missing,
    },
    checks,
  );

  const signatureValue = si.signature;
  const counterContent: SignedContent = { digest: (h) => digestBytes(h, signatureValue) };
  if (unsigned.counterSignatures.length > 0 && counterDepth >= CMS_LIMITS.counterSignatureDepth)
    throw counterSignaturesTooDeep();
  const counterSignatures = await Promise.all(
    unsigned.counterSignatures.map((cs) => verifySignerInfo(cs, counterContent, ctx, counterDepth + 1)),
  );
  return {
    signer: signerSummary(checks),
    signingTime: signingTime ? signingTime.toISOString() : null,
    digestAlgorithm: hashLabel(digestHash, si.digestAlgorithm.oid),
    signatureAlgorithm: signatureLabel(algo?.scheme, sigHash, si.signatureAlgorithm.oid),
    integrity: hashOk === true && sigOk === true ? 'valid' : 'invalid',
    ...verdict,
    qualified: qualifiedOf(checks, messages),
    depth: ctx.depth,
    cadesForm: cadesForm(attrs),
    hasTimestamp: unsigned.timestamps > 0,
    timestamps: [...stamps.reports.map((r) => ({ ...r, type: 'signature' as const })), ...archive.reports],
    certificate: checks?.info ?? null,
    chain: checks?.chain ?? [],
    revocation: checks?.revocation ?? null,
    messages,
    counterSignatures,
    ...(content.missing ? { contentMissing: true as const } : {}),
  };
}
