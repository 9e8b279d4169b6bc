/** Finds the signature dictionaries of a PDF (signature fields with a value), in revision order. */
import { asArray, asNumber, isName, PdfDict, PdfRef, PdfString } from './pdf-objects';
import type { PdfReader } from './pdf-reader';
import { allFields } from './form-fields';
import { pdfContentsTooLarge } from './pdf-errors';
import { MAX_BYTE_RANGE_ITEMS, MAX_SIGNATURE_CONTENTS } from './pdf-limits';

export interface PdfSignatureInfo {
  fieldName: string;
  /** the field's object number (undefined for a field written inline in its parent's /Kids) */
  fieldObject: number | undefined;
  /** the signature dictionary's object number (0 when inline) */
  objectNumber: number;
  /** file offset of the signature dictionary's object, when stored uncompressed */
  objectOffset: number | undefined;
  dict: PdfDict;
  subFilter: string;
  /** ETSI.RFC3161 document timestamp (or /Type /DocTimeStamp) */
  documentTimestamp: boolean;
  byteRange: number[];
  contents: Uint8Array;
}

export function findSignatures(reader: PdfReader): PdfSignatureInfo[] {
  const store = reader.latest;
  const catalog = reader.catalog();
  const fields = allFields(store, store.dict(catalog.get('AcroForm')));
  const out: PdfSignatureInfo[] = [];
  const seen = new Set<number>();
  for (const f of fields) {
    if (f.type !== 'Sig') continue;
    const v = f.dict.get('V');
    const dict = store.dict(v);
    if (!dict) continue;
    const num = v instanceof PdfRef ? v.num : 0;
    if (num && seen.has(num)) continue;
    seen.add(num);
    const entry = num ? store.entry(num) : undefined;
    const sf = dict.get('SubFilter');
    const subFilter = isName(sf) ? sf.name : '';
    const contents = store.resolve(dict.get('Contents'));
    if (contents instanceof PdfString && contents.bytes.length > MAX_SIGNATURE_CONTENTS) {
      throw pdfContentsTooLarge(`${contents.bytes.length} bytes, at most ${MAX_SIGNATURE_CONTENTS}`);
    }
    // a valid /ByteRange has 4 numbers: a few more are kept so that the check reports it, not millions
    const byteRange = (asArray(store.resolve(dict.get('ByteRange'))) ?? []).slice(0, MAX_BYTE_RANGE_ITEMS);
    out.push({
      fieldName: f.fullName,
      fieldObject: f.ref?.num,
      objectNumber: num,
      objectOffset: entry?.type === 'offset' ? entry.offset : undefined,
      dict,
      subFilter,
      documentTimestamp: subFilter === 'ETSI.RFC3161' || isName(dict.get('Type'), 'DocTimeStamp'),
      byteRange: byteRange.map((x) => asNumber(store.resolve(x)) ?? -1),
      contents: contents instanceof PdfString ? contents.bytes : new Uint8Array(),
    });
  }
  const endOf = (s: PdfSignatureInfo) => {
    const br = s.byteRange;
    return br.length >= 2 ? br[br.length - 2]! + br[br.length - 1]! : Number.MAX_SAFE_INTEGER;
  };
  return out.sort((a, b) => endOf(a) - endOf(b));
}
