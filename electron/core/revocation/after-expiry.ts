/**
 * A "good" issued after the certificate expired proves nothing (RFC 5280 §3.3: a CA may drop expired certificates
 * from its CRLs, so a revoked one is then simply absent): it is usable only when the data says it still covers
 * expired certificates — the CRL's expiredCertsOnCRL (X.509 §7.3, 2.5.29.60) or the OCSP archiveCutoff (RFC 6960
 * §4.4.4) at or before the certificate's notAfter. As DSS's revocation consistency check (INDETERMINATE).
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { t } from '../i18n/translate';
import { toArrayBuffer, toBytes } from '../cms/bytes';
import { validityOf, type ParsedCert } from '../x509/certificates';
import { noAnswer } from './revocation-checker';
import type { RevocationReport } from './revocation-report';

export const OID_EXPIRED_CERTS_ON_CRL = '2.5.29.60';
export const OID_OCSP_ARCHIVE_CUTOFF = '1.3.6.1.5.5.7.48.1.6';

/** the GeneralizedTime value of extension `oid`, if present and readable */
export function extensionTime(extensions: pkijs.Extension[] | undefined, oid: string): Date | undefined {
  const ext = extensions?.find((e) => e.extnID === oid);
  if (!ext) return undefined;
  const v = asn1js.fromBER(toArrayBuffer(toBytes(ext.extnValue.valueBlock.valueHexView))).result;
  return v instanceof asn1js.GeneralizedTime ? v.toDate() : undefined;
}

/** a "good" of `thisUpdate` says nothing of `cert`: issued after its notAfter, without a cover date at or before it */
export function goodAfterExpiry(cert: ParsedCert, thisUpdate: Date, cover: Date | undefined): boolean {
  const notAfter = validityOf(cert).to;
  return thisUpdate.getTime() > notAfter && !(cover && cover.getTime() <= notAfter);
}

/** the status of such data: unknown, and why */
export function afterExpiryReport(cert: ParsedCert, thisUpdate: Date): RevocationReport {
  return noAnswer(
    'unknown',
    t(
      {
        it: 'Le informazioni di revoca ({date}) sono successive alla scadenza del certificato ({notAfter}) e non coprono i certificati scaduti: non provano che non fosse revocato.',
        en: 'The revocation data ({date}) was issued after the certificate expired ({notAfter}) and does not cover expired certificates: it does not prove the certificate was not revoked.',
      },
      { date: thisUpdate.toISOString(), notAfter: new Date(validityOf(cert).to).toISOString() },
    ),
  );
}
