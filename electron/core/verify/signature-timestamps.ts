/**
 * The signature timestamps of a SignerInfo (CAdES-T / PAdES-B-T), checked for verification: each token must
 * cover the signature value, verify, and chain to a trusted TSA. The earliest genTime of a token that passes
 * (or only lacks revocation data for the TSA: TRY_LATER) is the proof of existence (POE) of the signature,
 * which ETSI EN 319 102-1 §5.6 uses against a later expiry or revocation of the signer certificate.
 */
import { createHash } from 'node:crypto';
import { t } from '../i18n/translate';
import { checkTimestampToken, type TimestampReport, type TokenCheckContext } from './token-check';
import { parseTimestampToken } from '../tsa/timestamp-token';
import { OID } from '../cms/oids';
import type { SignerInfoFields } from '../cms/signer-info-reader';

export interface SignatureTimestamps {
  reports: TimestampReport[];
  /** earliest proven time of the signature, when a timestamp proves one */
  poe?: Date;
  messages: string[];
}

/** a timestamp that proves its time: intact, and its TSA trusted (revocation unknown tolerated) */
export function usable(r: TimestampReport): boolean {
  if (r.integrity !== 'valid') return false;
  return r.indication === 'TOTAL_PASSED' || r.subIndication === 'TRY_LATER';
}

/**
 * `si`: the SignerInfo as read (its signature octets whatever their encoding, primitive or BER constructed: the
 * value the timestamps cover, as the counter-signatures'; its unsigned attributes as found)
 */
export async function checkSignatureTimestamps(
  si: Pick<SignerInfoFields, 'signature' | 'unsignedAttrs'>,
  ctx: TokenCheckContext,
): Promise<SignatureTimestamps> {
  const tokens = (si.unsignedAttrs ?? [])
    .filter((a) => a.type === OID.signatureTimeStamp)
    .flatMap((a) => a.values);
  const value = si.signature;
  const reports: TimestampReport[] = [];
  const messages: string[] = [];
  for (const der of tokens) {
    try {
      const token = parseTimestampToken(der);
      reports.push(await checkTimestampToken(token, (h) => createHash(h).update(value).digest(), ctx));
    } catch (e) {
      messages.push(
        t(
          { it: 'Marca temporale illeggibile: {m}', en: 'Unreadable timestamp: {m}' },
          { m: String((e as Error).message) },
        ),
      );
    }
  }
  const proven = reports.filter(usable).map((r) => new Date(r.genTime));
  const poe = proven.length > 0 ? new Date(Math.min(...proven.map((d) => d.getTime()))) : undefined;
  for (const r of reports) {
    messages.push(
      usable(r)
        ? t(
            { it: 'Marca temporale del {time} ({tsa}): valida.', en: 'Timestamp of {time} ({tsa}): valid.' },
            { time: r.genTime, tsa: r.tsa ?? '?' },
          )
        : t(
            {
              it: 'Marca temporale del {time} non valida: {why}',
              en: 'Timestamp of {time} not valid: {why}',
            },
            { time: r.genTime, why: r.explanation },
          ),
    );
  }
  return { reports, poe, messages };
}

/** The earlier of two optional proofs of existence. */
export function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
