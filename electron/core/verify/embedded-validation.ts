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
import type { RevocationReport } from '../revocation/revocation-report';
import { isHold } from '../revocation/reasons';
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

/** the time an answer speaks for (its thisUpdate), -Infinity when it has none */
function issued(r: RevocationReport): number {
  const at = r.thisUpdate ? Date.parse(r.thisUpdate) : NaN;
  return Number.isNaN(at) ? -Infinity : at;
}

/**
 * A revocation checker that answers from the embedded CRLs and from `inner` (online, cache) together: a
 * revocation known to any source wins, else the most recent answer (thisUpdate) decides (RFC 5280 §6.3.3; DSS
 * uses the revocation data of the file and the online one alike) — an older CRL carried in the file never
 * hides a revocation the responder knows. `after` (the signing certificate's best signature time): an embedded
 * "good" issued after it is enough on its own; a CA (no `after`) is always asked of `inner` too. Without
 * another answer (offline, unreachable) the embedded one stands, as in DSS (a PAdES/CAdES-LT file verifies
 * offline).
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
      // the signing certificate (`after` given): data of the file issued after its best signature time speaks
      // for it without asking further (LT); a CA: the online/cached sources are always asked too
      const enough = own?.status === 'good' && after !== undefined && issued(own) >= after.getTime();
      const other = inner && !enough ? await inner.check(cert, issuer, after) : undefined;
      const answers = [own, other].filter((a): a is RevocationReport => a !== undefined);
      // a revocation known anywhere wins; a suspension (certificateHold) is no revocation: it and the "good"
      // answers are weighed by date, the newest deciding (a hold lifted later, or placed after an old "good")
      const revoked = answers.find((a) => a.status === 'revoked' && !isHold(a));
      if (revoked) return revoked;
      const newest = answers
        .filter((a) => a.status === 'good' || isHold(a))
        .sort((a, b) => issued(b) - issued(a))[0];
      if (newest) return newest;
      const rest = own ?? other;
      if (rest) return rest;
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
