/**
 * Verification side of CAdES-LT: the certificate-values and revocation-values of a SignerInfo. The certificates
 * join the pool used to build chains; the CRLs answer revocation questions first (checked like fetched ones:
 * issuer signature, freshness at the validation time), so `verify --offline` works on an LT signature.
 */
import { crlStatus } from '../revocation/crl';
import { shareChainBudget } from './chain';
import type { RevocationChecker } from '../revocation/revocation-checker';
import { notChecked } from '../revocation/revocation-checker';
import type { RevocationSource } from '../revocation/revocation-source';
import { t } from '../i18n/translate';
import { children, readElement } from '../cms/der-parse';
import { parseCerts, type ParsedCert } from '../x509/certificates';
import { OID } from '../cms/oids';
import { unsignedAttributes } from '../cms/unsigned-attributes';

export interface EmbeddedValidationData {
  certificates: Uint8Array[];
  crls: Uint8Array[];
}

function items(der: Uint8Array | undefined): Uint8Array[] {
  if (!der) return [];
  const el = readElement(der, 0);
  return children(der, el).map((c) => der.subarray(c.start, c.end));
}

export function embeddedValidationData(signerInfo: Uint8Array): EmbeddedValidationData {
  try {
    const attrs = unsignedAttributes(signerInfo);
    const certificates = attrs.filter((a) => a.type === OID.certValues).flatMap((a) => items(a.values[0]));
    const crls = attrs
      .filter((a) => a.type === OID.revocationValues)
      .flatMap((a) => {
        const [crlVals] = items(a.values[0]).filter((e) => e[0] === 0xa0);
        return crlVals ? items(items(crlVals)[0]) : [];
      });
    return { certificates, crls };
  } catch {
    return { certificates: [], crls: [] };
  }
}

/**
 * A revocation checker that answers from the embedded CRLs first, then asks `inner` (if any). A revocation on
 * any embedded CRL wins; a "good" from CRLs issued before `after` (the best signature time) does not stop the
 * search: `inner` (online, cache) is asked, and its answer, fresher, wins — an older CRL carried in the file
 * never hides a revocation the responder knows. Without a fresher answer (offline) the embedded one stands, as
 * in DSS, which uses the freshest revocation data it has (a PAdES/CAdES-LT file verifies offline).
 */
export function withEmbeddedCrls(
  inner: RevocationChecker | undefined,
  crls: Uint8Array[],
  now: Date,
): RevocationChecker | undefined {
  if (crls.length === 0) return inner;
  const urls = crls.map((_, i) => `http://embedded.invalid/${i}`);
  const source = {
    opts: { now: () => now, offline: true },
    get: async (key: string) => ({
      ok: true,
      value: { data: crls[Number(key.slice(key.lastIndexOf('/') + 1))] as Uint8Array, cached: true },
    }),
    forget: () => undefined,
  } as unknown as RevocationSource;
  return {
    async check(cert: ParsedCert, issuer: ParsedCert, after?: Date) {
      const r = await crlStatus(cert, issuer, urls, source, true);
      const own = 'report' in r ? { ...r.report, url: null, cached: false } : undefined;
      if (own?.status === 'revoked') return own;
      const stale = own && after && own.thisUpdate && new Date(own.thisUpdate) < after;
      if (own && !stale && own.status !== 'unknown') return own;
      const other = inner ? await inner.check(cert, issuer, after) : undefined;
      if (other && (other.status === 'good' || other.status === 'revoked' || !own)) return other;
      if (own) return own;
      return notChecked(t({ it: 'Revoca non verificata.', en: 'Revocation not checked.' }));
    },
    caIssuers: inner?.caIssuers?.bind(inner),
  };
}

/** Extra pool certificates and the revocation checker to use for one SignerInfo. */
export function embeddedContext<C extends { pool: ParsedCert[]; revocation?: RevocationChecker; now: Date }>(
  signerInfo: Uint8Array,
  ctx: C,
): C {
  const data = embeddedValidationData(signerInfo);
  if (data.certificates.length === 0 && data.crls.length === 0) return ctx;
  const pool = [...ctx.pool, ...parseCerts(data.certificates)];
  shareChainBudget(ctx.pool, pool);
  return {
    ...ctx,
    pool,
    revocation: withEmbeddedCrls(ctx.revocation, data.crls, ctx.now),
  };
}
