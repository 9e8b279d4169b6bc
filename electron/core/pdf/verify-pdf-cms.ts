/**
 * The CMS check of one PDF signature through the shared engine (verify/verify-cms.ts), after checking that the
 * CMS has the shape its SubFilter names (ISO 32000-1 §12.8.3.3, ETSI EN 319 142-1):
 * - adbe.pkcs7.detached / ETSI.CAdES.detached: no eContent, the content digest is the digest of the byte
 *   ranges; or (as DSS accepts) an enveloping CMS whose eContent is exactly the byte-range bytes;
 * - adbe.pkcs7.sha1: the eContent is the SHA-1 of the ranges and is what was signed (SHA-1 counts against the
 *   crypto constraints);
 * - ETSI.RFC3161: a timestamp token whose TSTInfo messageImprint must match the ranges.
 * Whatever the SubFilter, the CMS holds exactly one SignerInfo (ISO 32000-1/-2 §12.8.3.3.1; DSS's
 * SignerInformationStoreCheck fails any other count with FORMAT_FAILURE): a second signer is never left unseen.
 * A CMS of another shape is a format failure, never checked as if it were the expected one.
 */
import { readSignedData, type SignedDataSummary } from '../cms/signed-data-reader';
import { children, decodeOid, readElement, valueOf } from '../cms/der-parse';
import { OID } from '../cms/oids';
import { verifyCmsSignatures, type VerifyContext } from '../verify/verify-cms';
import { withTsaRule } from '../verify/token-check';
import { parseCerts } from '../x509/certificates';
import { digestAlgorithmHash, digestBytes, type HashName } from '../cms/algorithm-oids';
import type { SignatureReport } from '../verify/types';
import { t, type Message } from '../i18n/translate';
import { hashRanges } from './byte-range-hash';

export interface PdfCmsResult {
  report: SignatureReport | null;
  /** the digest carried for the ranges (eContent or messageImprint) did not match */
  rangeDigestMismatch: boolean;
  /** the CMS does not have the shape its SubFilter names */
  formatProblem?: string;
  messages: string[];
}

const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);
/** an eContent larger than a /Contents gap can hold is not kept */
const MAX_ECONTENT = 16 * 1024 * 1024;

async function* once(b: Uint8Array): AsyncIterable<Uint8Array> {
  yield b;
}

/** the CMS without the zero padding that fills the rest of /Contents */
export function trimCms(contents: Uint8Array): Uint8Array {
  try {
    return contents.subarray(0, readElement(contents, 0).end);
  } catch {
    return contents;
  }
}

/** messageImprint of a TSTInfo: { hash name, hashed message } */
export function messageImprint(tstInfo: Uint8Array): { hash: HashName | undefined; value: Uint8Array } {
  const top = readElement(tstInfo, 0);
  const [, , imprint] = children(tstInfo, top);
  if (!imprint) throw new RangeError('bad TSTInfo');
  const [alg, hashed] = children(tstInfo, imprint);
  const [algOid] = children(tstInfo, alg!);
  return {
    hash: digestAlgorithmHash(decodeOid(valueOf(tstInfo, algOid!))),
    value: valueOf(tstInfo, hashed!),
  };
}

function declaredHashes(sd: SignedDataSummary): HashName[] {
  const names = new Set<HashName>(['sha1', 'sha256']);
  for (const o of sd.digestAlgorithmOids) {
    const n = digestAlgorithmHash(o);
    if (n) names.add(n);
  }
  return [...names];
}

const SHAPE: Record<string, Message> = {
  detachedWithContent: {
    it: 'La firma ({sf}) contiene un contenuto diverso dalle parti firmate del documento.',
    en: 'The signature ({sf}) carries content other than the signed parts of the document.',
  },
  sha1Detached: {
    it: 'La firma adbe.pkcs7.sha1 non contiene l’impronta SHA-1 del documento.',
    en: 'The adbe.pkcs7.sha1 signature does not carry the SHA-1 digest of the document.',
  },
  notTimestamp: {
    it: 'La marca temporale del documento non contiene un TSTInfo.',
    en: 'The document timestamp does not carry a TSTInfo.',
  },
  manySigners: {
    it: 'La firma ({sf}) contiene {n} firmatari (SignerInfo: {names}): una firma PDF ne ammette uno solo.',
    en: 'The signature ({sf}) holds {n} signers (SignerInfo: {names}): a PDF signature allows only one.',
  },
};

const MISMATCH = {
  it: 'L’impronta del documento contenuta nella firma non corrisponde al documento.',
  en: 'The document digest carried by the signature does not match the document.',
};

const equal = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

/**
 * The digests of the ranges verification will ask for (the shared pass of verify-pdf.ts computes them ahead):
 * the CMS's declared digest algorithms, SHA-256 (the enveloping check) and SHA-1 for adbe.pkcs7.sha1. Any
 * other one asked later is still computed on its own. `certificates`: the CMS's certificates, when asked for.
 */
export async function wantedRangeHashes(
  subFilter: string,
  contents: Uint8Array,
  certificates?: Uint8Array[],
): Promise<HashName[]> {
  const sd = await readSignedData(once(trimCms(contents)), {});
  certificates?.push(...sd.certificates);
  const names = new Set<HashName>(['sha256']);
  if (subFilter === 'adbe.pkcs7.sha1') names.add('sha1');
  for (const o of sd.digestAlgorithmOids) {
    const n = digestAlgorithmHash(o);
    if (n) names.add(n);
  }
  return [...names];
}

export async function verifyPdfCms(
  path: string,
  subFilter: string,
  contents: Uint8Array,
  ranges: [number, number][],
  ctx: VerifyContext,
  /**
   * digests of the ranges already computed (shared pass), by hash name — or still being computed: a detached
   * signature is then checked meanwhile and compares its digest once they come (SignedContent.ready); when
   * they do not come (undefined), it is checked again the plain way, which hashes the ranges itself
   */
  precomputed?: Map<HashName, Buffer> | Promise<Map<HashName, Buffer> | undefined>,
): Promise<PdfCmsResult> {
  const at: SignatureAt = [path, subFilter, contents, ranges, ctx];
  if (!(precomputed instanceof Promise)) return checkPdfCms(at, precomputed);
  // a failed hashing counts as none (it never rejects here: nothing is left unhandled, whoever waits or not)
  const pending = precomputed.catch(() => undefined);
  // the SubFilters whose CMS carries the digest (a timestamp's imprint, adbe.pkcs7.sha1) compare it first: no
  // check meanwhile, whose CMS reading would be thrown away
  if (!DETACHED.has(subFilter)) return checkPdfCms(at, await pending);
  let known: Map<HashName, Buffer> | undefined;
  const ready = pending.then((m) => (known = m));
  const meanwhile = await checkPdfCms(at, undefined, { ready, digests: () => known });
  if (meanwhile === undefined || known === undefined) return checkPdfCms(at, await pending);
  return meanwhile;
}

interface LaterDigests {
  ready: Promise<unknown>;
  digests: () => Map<HashName, Buffer> | undefined;
}

/** the file, the signature's SubFilter and CMS, its ranges and the verification context, as verifyPdfCms has them */
type SignatureAt = [
  path: string,
  subFilter: string,
  contents: Uint8Array,
  ranges: [number, number][],
  ctx: VerifyContext,
];

function checkPdfCms(at: SignatureAt, precomputed: Map<HashName, Buffer> | undefined): Promise<PdfCmsResult>;
/** `later`: the digests still to come — only a detached CMS is checked with them (else undefined, unchecked) */
function checkPdfCms(
  at: SignatureAt,
  precomputed: undefined,
  later: LaterDigests,
): Promise<PdfCmsResult | undefined>;
async function checkPdfCms(
  at: SignatureAt,
  precomputed: Map<HashName, Buffer> | undefined,
  later?: LaterDigests,
): Promise<PdfCmsResult | undefined> {
  const [path, subFilter, contents, ranges, ctx] = at;
  const messages: string[] = [];
  const chunks: Uint8Array[] = [];
  let kept = 0;
  const sd = await readSignedData(once(trimCms(contents)), {
    digests: ['sha1', 'sha256'],
    onContent: (c) => {
      kept += c.length;
      if (kept <= MAX_ECONTENT) chunks.push(Buffer.from(c));
    },
  });
  const eContent = kept <= MAX_ECONTENT ? Buffer.concat(chunks) : undefined;
  // the digests to come serve a detached CMS only: the other shapes compare them before the CMS checks
  if (later && !(DETACHED.has(subFilter) && sd.detached)) return undefined;
  const rangeDigests = later ? undefined : (precomputed ?? hashRanges(path, ranges, declaredHashes(sd)));
  const rangeDigest = (h: HashName) => {
    const known = later ? later.digests() : rangeDigests;
    // digests that never came: this check is thrown away and made again the plain way, so nothing is hashed here
    if (!known) return undefined;
    return known.get(h) ?? hashRanges(path, ranges, [h]).get(h);
  };
  const rangeLength = ranges.reduce((n, [, len]) => n + len, 0);
  let formatProblem: Message | undefined;
  let rangeDigestMismatch = false;
  /** what the signers signed: the ranges, or the bytes of the eContent */
  let signedIsEContent = false;
  const contentHashes: HashName[] = [];

  if (subFilter === 'ETSI.RFC3161') {
    signedIsEContent = true;
    if (sd.detached || sd.eContentType !== OID.tstInfo || !eContent) formatProblem = SHAPE.notTimestamp;
    else {
      const mi = messageImprint(eContent);
      if (!mi.hash || !equal(rangeDigest(mi.hash), mi.value)) rangeDigestMismatch = true;
    }
  } else if (subFilter === 'adbe.pkcs7.sha1') {
    signedIsEContent = true;
    contentHashes.push('sha1');
    if (sd.detached || !eContent) formatProblem = SHAPE.sha1Detached;
    else if (!equal(rangeDigest('sha1'), eContent)) rangeDigestMismatch = true;
  } else if (DETACHED.has(subFilter) && !sd.detached) {
    // enveloping (DSS accepts it): the eContent must be exactly the signed bytes of the file
    const same = sd.contentLength === rangeLength && equal(sd.contentDigests.sha256, rangeDigest('sha256'));
    if (!same) formatProblem = SHAPE.detachedWithContent;
  }
  if (rangeDigestMismatch) messages.push(t(MISMATCH));
  const reports = await verifyCmsSignatures(
    {
      eContentType: sd.eContentType,
      certificates: sd.certificates,
      crls: sd.crls,
      signerInfos: sd.signerInfos,
      contentHashes,
      contentDigest: (h: HashName) => {
        if (!signedIsEContent) return rangeDigest(h);
        return sd.contentDigests[h] ?? (eContent ? digestBytes(h, eContent) : undefined);
      },
      contentReady: later?.ready,
    },
    // a document timestamp is a timestamp token: the timestamps its SignerInfo may carry are not checked
    subFilter === 'ETSI.RFC3161' ? { ...ctx, inTimestamp: true } : ctx,
  );
  // more than one signer: the first one's report stays, and the message names them all (their order in the SET
  // is the encoder's, not a choice of the signer's)
  if (!formatProblem && reports.length > 1) formatProblem = SHAPE.manySigners;
  const names = reports.map((r) => r.signer.commonName ?? r.signer.surname ?? '?').join(', ');
  let report = reports[0] ?? null;
  // a document timestamp's signer is a TSA (RFC 3161 §2.3), checked as for every other timestamp
  if (report && subFilter === 'ETSI.RFC3161')
    report = withTsaRule(
      report,
      parseCerts([...sd.certificates, ...(ctx.trust?.anchors ?? []).map((a) => a.der)]),
    );
  return {
    report,
    rangeDigestMismatch,
    formatProblem: formatProblem ? t(formatProblem, { sf: subFilter, n: reports.length, names }) : undefined,
    messages,
  };
}
