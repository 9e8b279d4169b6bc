/**
 * Caps on what one CMS SignedData may hold (issue 19), so that a hostile file answers quickly, in bounded
 * memory and with a bounded report: real signatures stay far below every cap (a p7m with 25 signers and their
 * chains, CAdES-LTA with a few archive timestamps). Each cap has its own error code and a plain message.
 * The SignerInfos are walked here lazily (one element at a time) before anything builds lists or reports.
 */
import type { CmsMessageKey } from '../i18n/messages/cms';
import { SigilloError, failureOf } from '../errors';
import { t, type Message } from '../i18n/translate';
import { decodeOid, readElement, valueOf, type Element } from './der-parse';
import { OID } from './oids';

export const CMS_LIMITS = {
  /** SignerInfos of one SignedData */
  signers: 100,
  /** certificates of one SignedData */
  certificates: 500,
  /** CRLs / other revocation data of one SignedData */
  crls: 100,
  /** attributes in one signed or unsigned attribute set */
  attributes: 100,
  /** values of one attribute */
  attributeValues: 100,
  /** values of all unsigned attributes in one SignedData (timestamps, validation data…), every signer and
   * counter-signature together: each may be a token to verify */
  unsignedValues: 500,
  /** counter-signatures in one SignedData, at every depth */
  counterSignatures: 100,
  /** counter-signatures of counter-signatures… */
  counterSignatureDepth: 8,
  /** p7m signed again inside a p7m (verify and extract) */
  levels: 16,
  /** signatures and document timestamps of one PDF (each is a CMS over the file's ranges) */
  pdfSignatures: 100,
  /** BER elements inside one another (indefinite lengths) in the streamed structure */
  berNesting: 48,
} as const;

type Cap =
  | 'signers'
  | 'certificates'
  | 'crls'
  | 'attributes'
  | 'attributeValues'
  | 'unsignedValues'
  | 'counterSignatures';

const CODES: Record<Cap, CmsMessageKey> = {
  signers: 'CMS_TOO_MANY_SIGNERS',
  certificates: 'CMS_TOO_MANY_CERTIFICATES',
  crls: 'CMS_TOO_MANY_CRLS',
  attributes: 'CMS_TOO_MANY_ATTRIBUTES',
  attributeValues: 'CMS_TOO_MANY_ATTRIBUTES',
  unsignedValues: 'CMS_TOO_MANY_ATTRIBUTES',
  counterSignatures: 'CMS_TOO_MANY_COUNTER_SIGNATURES',
};

const WHAT: Record<Cap, Message> = {
  signers: { it: 'firmatari', en: 'signers' },
  certificates: { it: 'certificati', en: 'certificates' },
  crls: { it: 'liste di revoca (CRL)', en: 'revocation lists (CRLs)' },
  attributes: { it: 'attributi in un firmatario', en: 'attributes in one signer' },
  attributeValues: { it: 'valori in un attributo', en: 'values in one attribute' },
  unsignedValues: { it: 'attributi non firmati in tutto', en: 'unsigned attributes in all' },
  counterSignatures: { it: 'controfirme', en: 'counter-signatures' },
};

/** the error of a cap: its code, a plain message with the limit, the limit in the details */
function limitError(key: CmsMessageKey, n: number, params: Record<string, string> = {}): SigilloError {
  return failureOf(key, { ...params, n }, { limit: n });
}

export function tooMany(cap: Cap): SigilloError {
  return limitError(CODES[cap], CMS_LIMITS[cap], { what: t(WHAT[cap]) });
}

export const counterSignaturesTooDeep = (): SigilloError =>
  limitError('CMS_COUNTER_SIGNATURES_TOO_DEEP', CMS_LIMITS.counterSignatureDepth);

export const nestingTooDeep = (): SigilloError => limitError('CMS_NESTING_TOO_DEEP', CMS_LIMITS.berNesting);

export const tooManyPdfSignatures = (): SigilloError =>
  limitError('PDF_TOO_MANY_SIGNATURES', CMS_LIMITS.pdfSignatures);

export const tooManyLevels = (): SigilloError => limitError('TOO_MANY_LEVELS', CMS_LIMITS.levels);

/** throws when `count` goes past the cap */
export function checkCount(cap: Cap, count: number): void {
  if (count > CMS_LIMITS[cap]) throw tooMany(cap);
}

interface Walk {
  counters: number;
  unsignedValues: number;
}

/**
 * The children of each constructed element are read one at a time, each counted against its cap before it is
 * read (plain loops: a generator per element set cost a batch microseconds per file).
 */
function walkSignerInfo(buf: Uint8Array, si: Element, depth: number, w: Walk): void {
  if (si.tag !== 0x30) return; // not a SignerInfo: the reader reports it
  let fields = 0;
  for (let p = si.valueStart; p < si.valueEnd;) {
    checkCount('attributes', ++fields);
    const field = readElement(buf, p, si.valueEnd);
    p = field.end;
    if (field.tag !== 0xa0 && field.tag !== 0xa1) continue;
    let attrs = 0;
    for (let q = field.valueStart; q < field.valueEnd;) {
      checkCount('attributes', ++attrs);
      const attr = readElement(buf, q, field.valueEnd);
      q = attr.end;
      if (attr.tag !== 0x30) continue;
      const typeEl = readElement(buf, attr.valueStart, attr.valueEnd);
      if (typeEl.end >= attr.valueEnd) continue;
      const values = readElement(buf, typeEl.end, attr.valueEnd);
      const counter = typeEl.tag === 0x06 && decodeOid(valueOf(buf, typeEl)) === OID.counterSignature;
      const cap = counter ? 'counterSignatures' : 'attributeValues';
      let count = 0;
      for (let r = values.valueStart; r < values.valueEnd;) {
        checkCount(cap, ++count);
        const v = readElement(buf, r, values.valueEnd);
        r = v.end;
        if (field.tag !== 0xa1) continue;
        checkCount('unsignedValues', ++w.unsignedValues);
        if (!counter) continue;
        checkCount('counterSignatures', ++w.counters);
        if (depth + 1 > CMS_LIMITS.counterSignatureDepth) throw counterSignaturesTooDeep();
        walkSignerInfo(buf, v, depth + 1, w);
      }
    }
  }
}

/**
 * Checks the attribute and counter-signature caps over every SignerInfo (as found). Malformed structure is left
 * to the SignerInfo reader (reported per signature); only the caps throw.
 */
export function checkSignerInfoLimits(signerInfos: Uint8Array[]): void {
  checkCount('signers', signerInfos.length);
  const w: Walk = { counters: 0, unsignedValues: 0 };
  for (const si of signerInfos) {
    try {
      walkSignerInfo(si, readElement(si, 0), 0, w);
    } catch (e) {
      if (e instanceof SigilloError) throw e;
    }
  }
}
