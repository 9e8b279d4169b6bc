/** DocMDP (ISO 32000-1 §12.8.2.2): the permissions a certification signature grants to later changes. */
import { asArray, asNumber, isName, PdfString, type PdfDict } from './pdf-objects';
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

/**
 * FieldMDP (ISO 32000-1 §12.8.2.4) of one signature: which fields its signer locked. /Action /All locks every
 * field, /Include the listed ones, /Exclude all but the listed ones.
 */
export function lockedFields(
  store: ObjectStore,
  sigDict: PdfDict | undefined,
): (fullName: string) => boolean {
  const rules: { action: string; fields: string[] }[] = [];
  for (const r of asArray(store.resolve(sigDict?.get('Reference'))) ?? []) {
    const d = store.dict(r);
    if (!isName(d?.get('TransformMethod'), 'FieldMDP')) continue;
    const params = store.dict(d?.get('TransformParams'));
    const action = params?.get('Action');
    const fields = (asArray(store.resolve(params?.get('Fields'))) ?? []).flatMap((f) =>
      f instanceof PdfString ? [f.text()] : [],
    );
    if (isName(action)) rules.push({ action: action.name, fields });
  }
  return (name) =>
    rules.some(
      (r) =>
        r.action === 'All' ||
        (r.action === 'Include' && r.fields.includes(name)) ||
        (r.action === 'Exclude' && !r.fields.includes(name)),
    );
}

/** the signature locks fields with FieldMDP (unreadable: assume it does) */
export function locksFields(store: ObjectStore, sigDict: PdfDict | undefined): boolean {
  try {
    return (asArray(store.resolve(sigDict?.get('Reference'))) ?? []).some((r) =>
      isName(store.dict(r)?.get('TransformMethod'), 'FieldMDP'),
    );
  } catch {
    return true;
  }
}
