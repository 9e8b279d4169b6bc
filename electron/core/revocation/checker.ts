/**
 * The revocation checker of one verification run: OCSP from the AIA first, then the CRL distribution points;
 * answers cached on disk until their nextUpdate and shared in memory across every file of a batch.
 * `offline`: the disk cache only, never the network.
 */
import { t } from '../i18n/translate';
import type { ParsedCert } from '../x509/certificates';
import type { RevocationReport } from './revocation-report';
import { parseCertificate } from '../x509/cert-info';
import { fetchCaIssuers } from './ca-issuers';
import { crlStatus } from './crl';
import { defaultCacheDir, RevocationCache } from './disk-cache';
import type { FetchOptions } from './http-fetch';
import { ocspStatus } from './ocsp';
import { RevocationSource } from './revocation-source';
import { noAnswer, type RevocationChecker } from './revocation-checker';

export interface CheckerOptions {
  offline: boolean;
  /** default: <user data folder>/revocation-cache; null: no disk cache */
  cacheDir?: string | null;
  env?: NodeJS.ProcessEnv;
  fetch?: FetchOptions;
  now?: () => Date;
}

const MSG = {
  offline: {
    it: 'Modalità offline: nessuna informazione di revoca valida in cache.',
    en: 'Offline mode: no valid revocation information in the cache.',
  },
  network: {
    it: 'Servizi di revoca (OCSP/CRL) non raggiungibili.',
    en: 'Revocation services (OCSP/CRL) unreachable.',
  },
  invalid: {
    it: 'Le risposte OCSP/CRL ricevute non sono valide.',
    en: 'The OCSP/CRL answers received are not valid.',
  },
  none: {
    it: 'Il certificato non indica dove verificarne la revoca.',
    en: 'The certificate does not say where to check its revocation.',
  },
};

function unknown(reason: keyof typeof MSG): RevocationReport {
  return noAnswer('unknown', t(MSG[reason]));
}

export function createRevocationChecker(o: CheckerOptions): RevocationChecker {
  const dir = o.cacheDir === undefined ? defaultCacheDir(o.env) : o.cacheDir;
  const source = new RevocationSource({
    offline: o.offline,
    cache: dir ? new RevocationCache(dir) : undefined,
    fetch: o.fetch,
    now: o.now ?? (() => new Date()),
  });
  const memo = new Map<string, Promise<RevocationReport>>();

  async function check(cert: ParsedCert, issuer: ParsedCert, after?: Date): Promise<RevocationReport> {
    const info = parseCertificate(cert.der);
    if (info.ocspUrls.length === 0 && info.crlDistributionPoints.length === 0) return unknown('none');
    const ocsp = await ocspStatus(cert, issuer, info.ocspUrls, source, after);
    if ('report' in ocsp && ocsp.report.status !== 'unknown') return ocsp.report;
    const crl = await crlStatus(cert, issuer, info.crlDistributionPoints, source);
    if ('report' in crl && crl.report.status !== 'unknown') return crl.report;
    // an answer that cannot speak for an expired certificate (after-expiry.ts), and no better one
    if ('report' in ocsp) return ocsp.report;
    if ('report' in crl) return crl.report;
    const reasons = [crl.failure, info.ocspUrls.length > 0 ? ocsp.failure : crl.failure];
    return unknown(reasons.includes('invalid') ? 'invalid' : o.offline ? 'offline' : 'network');
  }

  return {
    check(cert, issuer, after) {
      const key = `${cert.fingerprint}:${issuer.fingerprint}:${after?.getTime() ?? ''}`;
      let p = memo.get(key);
      if (!p) {
        p = check(cert, issuer, after).catch(() => unknown('invalid'));
        memo.set(key, p);
      }
      return p;
    },
    caIssuers: (url) => fetchCaIssuers(url, source).catch(() => []),
  };
}
