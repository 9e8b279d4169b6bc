/**
 * verifyCmsSignatures: every SignerInfo of one SignedData, given its small parts and the digest of the signed
 * content. The p7m verifier uses it with the digests computed while streaming; PAdES (issue 5) calls it with the
 * digest of the PDF byte ranges.
 */
import { toErrorInfo } from '../errors';
import { t } from '../i18n/translate';
import type { RevocationChecker } from '../revocation/revocation-checker';
import type { TrustStore } from '../trust/trust-store';
import type { HashName } from '../cms/algorithm-oids';
import { parseCerts, type ParsedCert } from '../x509/certificates';
import { formatFailure, verifySignerInfo } from './verify-signer-info';
import type { SignatureReport } from './types';

export interface CmsParts {
  /** eContentType OID (id-data for p7m/p7s/PAdES) */
  eContentType: string;
  /** certificates carried by the SignedData, DER */
  certificates: Uint8Array[];
  /** RevocationInfoChoices carried by the SignedData, as found (covered by CAdES archive timestamps) */
  crls?: Uint8Array[];
  /** SignerInfo encodings as found */
  signerInfos: Uint8Array[];
  /** hashes that made the content before it was signed (adbe.pkcs7.sha1: SHA-1 of the ranges); they count
   * against the crypto constraints like the signers' own */
  contentHashes?: HashName[];
  /** digest of the signed content (eContent or detached content / PDF byte ranges); undefined if not computed */
  contentDigest(h: HashName): Uint8Array | undefined;
  /** settles once contentDigest can answer (verify-signer-info.ts SignedContent.ready); absent: at once */
  contentReady?: Promise<unknown>;
}

export interface VerifyContext {
  trust: TrustStore;
  /** absent: revocation is not checked (reported as not_checked → TRY_LATER) */
  revocation?: RevocationChecker;
  now?: Date;
  /** nesting depth of this SignedData (0 = outermost) */
  depth?: number;
  /** certificates from elsewhere (e.g. a PDF's DSS) that may complete the chain */
  extraCertificates?: Uint8Array[];
  /** proof of existence from outside the signatures (a .m7m/.tsd timestamp over them; issue 10) */
  poe?: Date;
  /** a detached signature verified without its content */
  contentMissing?: boolean;
  /** the SignedData is a timestamp token (a PDF document timestamp): verify-signer-info.ts SignerInfoContext */
  inTimestamp?: boolean;
}

/** each store's anchors parsed once: a batch does not look up hundreds of trusted-list anchors per file */
const parsedAnchors = new WeakMap<TrustStore, ParsedCert[]>();

/** the file's certificates, then the anchors not among them: the pool parseCerts makes of them all */
function certificatePool(parts: CmsParts, ctx: VerifyContext): ParsedCert[] {
  let anchors = parsedAnchors.get(ctx.trust);
  if (!anchors) parsedAnchors.set(ctx.trust, (anchors = parseCerts(ctx.trust.anchors.map((a) => a.der))));
  const own = parseCerts([...parts.certificates, ...(ctx.extraCertificates ?? [])]);
  const seen = new Set(own.map((p) => p.fingerprint));
  return [...own, ...anchors.filter((a) => !seen.has(a.fingerprint))];
}

export async function verifyCmsSignatures(parts: CmsParts, ctx: VerifyContext): Promise<SignatureReport[]> {
  const pool = certificatePool(parts, ctx);
  const sctx = {
    pool,
    trust: ctx.trust,
    revocation: ctx.revocation,
    now: ctx.now ?? new Date(),
    depth: ctx.depth ?? 0,
    poe: ctx.poe,
    signedData: { ...parts, crls: parts.crls ?? [] },
    inTimestamp: ctx.inTimestamp,
  };
  const content = {
    contentType: parts.eContentType,
    hashes: parts.contentHashes,
    digest: (h: HashName) => parts.contentDigest(h),
    ready: parts.contentReady,
    missing: ctx.contentMissing,
  };
  return Promise.all(
    parts.signerInfos.map(async (si) => {
      try {
        return await verifySignerInfo(si, content, sctx);
      } catch (e) {
        const m = toErrorInfo(e).message;
        return formatFailure(
          sctx.depth,
          t({ it: 'Errore nella verifica: {m}', en: 'Verification error: {m}' }, { m }),
        );
      }
    }),
  );
}
