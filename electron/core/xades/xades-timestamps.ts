/**
 * XAdES signature timestamps (xades:SignatureTimeStamp, XAdES-T): each EncapsulatedTimeStamp must cover the
 * canonicalised ds:SignatureValue element (its CanonicalizationMethod, C14N 1.0 by default), verify and chain to a
 * trusted TSA — J's token check. The earliest genTime of a usable token is the proof of existence (POE).
 */
import { createHash } from 'node:crypto';
import { t } from '../i18n/translate';
import { checkTimestampToken, type TimestampReport, type TokenCheckContext } from '../verify/token-check';
import { parseTimestampToken } from '../tsa/timestamp-token';
import { canonicalize } from '../xml/c14n';
import { isWorkLimit } from '../xml/xml-limits';
import { qualifyingProperties, unsignedSignatureProperties } from './xades-properties';
import { C14N, C14N_10, NS } from '../xml/xml-names';
import { base64Of, childElements, firstChild } from '../xml/xml-safe';

export interface XadesTimestamps {
  reports: TimestampReport[];
  poe?: Date;
  messages: string[];
}

function usable(r: TimestampReport): boolean {
  return r.integrity === 'valid' && (r.indication === 'TOTAL_PASSED' || r.subIndication === 'TRY_LATER');
}

const VALID = {
  it: 'Marca temporale del {time} ({tsa}): valida.',
  en: 'Timestamp of {time} ({tsa}): valid.',
};
const INVALID = {
  it: 'Marca temporale del {time} non valida: {why}',
  en: 'Timestamp of {time} not valid: {why}',
};
const UNREADABLE = { it: 'Marca temporale illeggibile: {m}', en: 'Unreadable timestamp: {m}' };

export async function checkXadesTimestamps(
  signature: Element,
  ctx: TokenCheckContext,
): Promise<XadesTimestamps> {
  const qp = qualifyingProperties(signature);
  const ns = qp?.namespaceURI ?? NS.xades;
  const usp = unsignedSignatureProperties(qp);
  const value = firstChild(signature, NS.ds, 'SignatureValue');
  const out: XadesTimestamps = { reports: [], messages: [] };
  if (!usp || !value) return out;
  for (const ts of childElements(usp, ns, 'SignatureTimeStamp')) {
    const method =
      C14N[firstChild(ts, NS.ds, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? C14N_10];
    for (const enc of childElements(ts, ns, 'EncapsulatedTimeStamp')) {
      try {
        if (!method) throw new Error('unsupported canonicalization');
        const data = canonicalize(value, method);
        const token = parseTimestampToken(base64Of(enc));
        out.reports.push(await checkTimestampToken(token, (h) => createHash(h).update(data).digest(), ctx));
      } catch (e) {
        if (isWorkLimit(e)) throw e;
        out.messages.push(t(UNREADABLE, { m: e instanceof Error ? e.message : String(e) }));
      }
    }
  }
  const proven = out.reports.filter(usable).map((r) => new Date(r.genTime).getTime());
  if (proven.length > 0) out.poe = new Date(Math.min(...proven));
  for (const r of out.reports) {
    out.messages.push(
      usable(r)
        ? t(VALID, { time: r.genTime, tsa: r.tsa ?? '?' })
        : t(INVALID, { time: r.genTime, why: r.explanation }),
    );
  }
  return out;
}
