import { asArray, PdfStream } from './pdf-objects';
import type { PdfReader } from './pdf-reader';

/** The decoded streams of one array of the PDF's Document Security Store (PAdES LTV); none when unreadable. */
function dssStreams(reader: PdfReader, key: 'Certs' | 'CRLs'): Uint8Array[] {
  try {
    const store = reader.latest;
    const items = asArray(store.resolve(store.dict(reader.catalog().get('DSS'))?.get(key))) ?? [];
    return items.flatMap((c) => {
      const s = store.resolve(c);
      return s instanceof PdfStream ? [reader.decoded(s)] : [];
    });
  } catch {
    return [];
  }
}

/** The certificates of the DSS, DER: they may complete a chain. */
export const dssCertificates = (reader: PdfReader): Uint8Array[] => dssStreams(reader, 'Certs');

/** The CRLs of the DSS (for verification: revocation answers embedded by LT). */
export const dssCrls = (reader: PdfReader): Uint8Array[] => dssStreams(reader, 'CRLs');
