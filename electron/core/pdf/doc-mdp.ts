/** DocMDP (ISO 32000-1 §12.8.2.2): the permissions a certification signature grants to later changes. */
import { asArray, asNumber, isName, type PdfDict } from './pdf-objects';
import type { ObjectStore } from './pdf-reader';

/** DocMDP permission level of the document's certification signature, if any */
export function docMdpPermission(store: ObjectStore, catalog: PdfDict): number | undefined {
  const certSig = store.dict(store.dict(catalog.get('Perms'))?.get('DocMDP'));
  for (const r of asArray(store.resolve(certSig?.get('Reference'))) ?? []) {
    const d = store.dict(r);
    if (isName(d?.get('TransformMethod'), 'DocMDP')) {
      return asNumber(store.resolve(store.dict(d?.get('TransformParams'))?.get('P'))) ?? 2;
    }
  }
  return undefined;
}
