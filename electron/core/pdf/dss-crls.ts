import { asArray, PdfStream } from './pdf-objects';
import type { PdfReader } from './pdf-reader';

/** The CRLs of a PDF's DSS (for verification: revocation answers embedded by LT). */
export function dssCrls(reader: PdfReader): Uint8Array[] {
  try {
    const store = reader.latest;
    const crls = asArray(store.resolve(store.dict(reader.catalog().get('DSS'))?.get('CRLs'))) ?? [];
    return crls.flatMap((c) => {
      const s = store.resolve(c);
      return s instanceof PdfStream ? [reader.decoded(s)] : [];
    });
  } catch {
    return [];
  }
}
