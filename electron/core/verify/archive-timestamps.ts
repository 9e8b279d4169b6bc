/**
 * Verification of CAdES archive timestamps (archive-time-stamp-v3, ETSI EN 319 122-1 §5.5.3): each token's
 * ats-hash-index-v3 must name only certificates, CRLs and unsigned attribute values still present (a changed
 * byte in a covered value removes its hash from what is present), and the imprint is recomputed from the
 * SignedData, the SignerInfo's signed fields and the index as found. A passing archive timestamp is a proof of
 * existence of the signature, like a signature timestamp.
 */
import { createHash } from 'node:crypto';
import { t } from '../i18n/translate';
import { checkTimestampToken, type TimestampReport, type TokenCheckContext } from './token-check';
import { parseTimestampToken, type TimestampToken } from '../tsa/timestamp-token';
import type { HashName } from '../cms/algorithm-oids';
import {
  archiveImprintInput,
  OID_ARCHIVE_TIME_STAMP_V3,
  OID_ATS_HASH_INDEX_V3,
  parseHashIndex,
  unsignedAttrValueInputs,
  type ArchivedSignedData,
} from './archive-attributes';
import { usable, type SignatureTimestamps } from './signature-timestamps';
import { unsignedAttributes } from '../cms/unsigned-attributes';

export type TypedTimestampReport = TimestampReport & { type: 'archive' };

const hex = (b: Uint8Array, h: HashName) => createHash(h).update(b).digest('hex');

/** The index found in the token, and whether every hash it lists names something still present. */
function indexOf(token: TimestampToken, sd: ArchivedSignedData, si: Uint8Array) {
  const attr = unsignedAttributes(token.signerInfos[0] ?? new Uint8Array()).find(
    (a) => a.type === OID_ATS_HASH_INDEX_V3,
  );
  const der = attr?.values[0];
  if (!der || attr.values.length !== 1) return undefined;
  const index = parseHashIndex(der);
  const h = index.hash;
  if (!h) return { der, hash: h, complete: false };
  const present = (items: Uint8Array[]) => new Set(items.map((i) => hex(i, h)));
  const all = (hashes: Uint8Array[], items: Uint8Array[]) => {
    const have = present(items);
    return hashes.every((x) => have.has(Buffer.from(x).toString('hex')));
  };
  const complete =
    all(index.certificates, sd.certificates) &&
    all(index.crls, sd.crls) &&
    all(index.unsignedAttrValues, unsignedAttrValueInputs(si));
  return { der, hash: h, complete };
}

async function checkOne(
  der: Uint8Array,
  sd: ArchivedSignedData,
  si: Uint8Array,
  ctx: TokenCheckContext,
): Promise<{ report: TypedTimestampReport; note?: string }> {
  const token = parseTimestampToken(der);
  const index = indexOf(token, sd, si);
  let note: string | undefined;
  if (!index)
    note = t({
      it: 'Marca temporale d’archivio senza ats-hash-index-v3.',
      en: 'Archive timestamp without ats-hash-index-v3.',
    });
  else if (!index.complete)
    note = t({
      it: 'Marca temporale d’archivio: dati protetti modificati o rimossi (certificati, CRL o attributi non firmati).',
      en: 'Archive timestamp: protected data changed or removed (certificates, CRLs or unsigned attributes).',
    });
  const digest = (h: HashName) => {
    if (!index?.complete || h !== index.hash) return undefined;
    const input = archiveImprintInput(h, sd, si, index.der);
    return input ? new Uint8Array(createHash(h).update(input).digest()) : undefined;
  };
  const report = await checkTimestampToken(token, digest, ctx);
  if (note) report.messages.unshift(note);
  return { report: { ...report, type: 'archive' }, note };
}

/** The archive timestamps of a top-level SignerInfo, checked; poe = the earliest one that passes. */
export async function checkArchiveTimestamps(
  si: Uint8Array,
  sd: ArchivedSignedData,
  ctx: TokenCheckContext,
): Promise<SignatureTimestamps & { reports: TypedTimestampReport[] }> {
  let tokens: Uint8Array[];
  try {
    tokens = unsignedAttributes(si)
      .filter((a) => a.type === OID_ARCHIVE_TIME_STAMP_V3)
      .flatMap((a) => a.values);
  } catch {
    return { reports: [], messages: [] };
  }
  const reports: TypedTimestampReport[] = [];
  const messages: string[] = [];
  for (const der of tokens) {
    try {
      const { report, note } = await checkOne(der, sd, si, ctx);
      reports.push(report);
      const ok = usable(report);
      messages.push(
        ok
          ? t(
              {
                it: 'Marca temporale d’archivio del {time} ({tsa}): valida.',
                en: 'Archive timestamp of {time} ({tsa}): valid.',
              },
              { time: report.genTime, tsa: report.tsa ?? '?' },
            )
          : t(
              {
                it: 'Marca temporale d’archivio del {time} non valida: {why}',
                en: 'Archive timestamp of {time} not valid: {why}',
              },
              { time: report.genTime, why: note ?? report.explanation },
            ),
      );
    } catch (e) {
      messages.push(
        t(
          { it: 'Marca temporale d’archivio illeggibile: {m}', en: 'Unreadable archive timestamp: {m}' },
          { m: String((e as Error).message) },
        ),
      );
    }
  }
  const proven = reports.filter(usable).map((r) => new Date(r.genTime).getTime());
  return { reports, messages, poe: proven.length > 0 ? new Date(Math.min(...proven)) : undefined };
}
