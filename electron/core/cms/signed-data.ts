/**
 * SignedData / ContentInfo encoding (RFC 5652 §5.1). `encodeSignedData` builds a whole ContentInfo in memory
 * (detached CMS for PAdES, or small attached contents); `signedDataHead` + `signedDataTail` give the bytes
 * around an attached content of known length, so a streaming writer never holds the content.
 */
import { concat, header, integer, oid, retag, setOf, TAG } from './der';
import { OID } from './oids';

export interface SignedDataParts {
  /** SignedData version; default 1 (3 when any SignerInfo is v3 or eContentType is not id-data) */
  version?: number;
  /** encoded AlgorithmIdentifiers (deduplicated and sorted here) */
  digestAlgorithms: Uint8Array[];
  /** default id-data */
  eContentType?: string;
  /** encoded CertificateChoices (deduplicated and sorted here); empty: no certificates field */
  certificates: Uint8Array[];
  /** encoded RevocationInfoChoices; empty or missing: no crls field */
  crls?: Uint8Array[];
  /** encoded SignerInfos (kept byte-exact) */
  signerInfos: Uint8Array[];
}

/** Drops byte-identical duplicates, keeping the first. */
export function dedupe(items: readonly Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = Buffer.from(i.buffer, i.byteOffset, i.byteLength).toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function version(parts: SignedDataParts): number {
  if (parts.version !== undefined) return parts.version;
  const ct = parts.eContentType ?? OID.data;
  return ct === OID.data ? 1 : 3;
}

/** The bytes after the content: [0] certificates, [1] crls, SET OF SignerInfo. */
export function signedDataTail(parts: SignedDataParts): Uint8Array {
  const out: Uint8Array[] = [];
  const certs = dedupe(parts.certificates);
  if (certs.length > 0) out.push(retag(setOf(certs), 0xa0));
  const crls = dedupe(parts.crls ?? []);
  if (crls.length > 0) out.push(retag(setOf(crls), 0xa1));
  out.push(setOf(parts.signerInfos));
  return concat(out);
}

/**
 * Everything before the content bytes of an attached SignedData whose content is `contentLength` bytes and
 * whose tail (see signedDataTail) is `tailLength` bytes; `contentLength` null means detached (no eContent).
 */
export function signedDataHead(
  parts: SignedDataParts,
  contentLength: number | null,
  tailLength: number,
): Uint8Array {
  const versionBytes = integer(version(parts));
  const digestSet = setOf(dedupe(parts.digestAlgorithms));
  const typeOid = oid(parts.eContentType ?? OID.data);
  let encapInner: Uint8Array[] = [typeOid];
  let encapBodyLength = typeOid.length;
  if (contentLength !== null) {
    const octHeader = header(TAG.OCTET_STRING, contentLength);
    const explicitHeader = header(0xa0, octHeader.length + contentLength);
    encapInner = [typeOid, explicitHeader, octHeader];
    encapBodyLength += explicitHeader.length + octHeader.length + contentLength;
  }
  const encapHeader = header(TAG.SEQUENCE, encapBodyLength);
  const sdBody = versionBytes.length + digestSet.length + encapHeader.length + encapBodyLength + tailLength;
  const sdHeader = header(TAG.SEQUENCE, sdBody);
  const explicitBody = sdHeader.length + sdBody;
  const explicitHeader = header(0xa0, explicitBody);
  const typeSignedData = oid(OID.signedData);
  const ciBody = typeSignedData.length + explicitHeader.length + explicitBody;
  return concat([
    header(TAG.SEQUENCE, ciBody),
    typeSignedData,
    explicitHeader,
    sdHeader,
    versionBytes,
    digestSet,
    encapHeader,
    ...encapInner,
  ]);
}

/** A whole ContentInfo(SignedData), DER; without eContent it is detached (PAdES, .p7s). */
export function encodeSignedData(parts: SignedDataParts & { eContent?: Uint8Array }): Uint8Array {
  const tail = signedDataTail(parts);
  const content = parts.eContent;
  const head = signedDataHead(parts, content ? content.length : null, tail.length);
  return content ? concat([head, content, tail]) : concat([head, tail]);
}
