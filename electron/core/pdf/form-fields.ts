/** The interactive form's field tree (ISO 32000-1 §12.7): full names, lookup, signature fields. */
import { asArray, asDict, isName, PdfDict, PdfRef, PdfString, type PdfValue } from './pdf-objects';
import type { ObjectStore } from './pdf-reader';

export interface FieldNode {
  ref: PdfRef | undefined;
  dict: PdfDict;
  fullName: string;
  /** field type, inherited (/FT) */
  type: string | undefined;
}

/** Every terminal field of /AcroForm /Fields with its full name. */
export function allFields(store: ObjectStore, acroForm: PdfDict | undefined): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<number>();
  const walk = (v: PdfValue, parentName: string, parentType: string | undefined, depth: number) => {
    if (depth > 32) return;
    if (v instanceof PdfRef) {
      if (seen.has(v.num)) return;
      seen.add(v.num);
    }
    const d = store.dict(v);
    if (!d) return;
    const partial = d.get('T');
    const nameHere = partial instanceof PdfString ? partial.text() : '';
    const fullName = parentName && nameHere ? `${parentName}.${nameHere}` : parentName || nameHere;
    const ft = d.get('FT');
    const type = isName(ft) ? ft.name : parentType;
    const kids = asArray(store.resolve(d.get('Kids')));
    const fieldKids = kids?.filter((k) => store.dict(k)?.has('T'));
    if (kids && fieldKids && fieldKids.length > 0) {
      for (const k of kids) walk(k, fullName, type, depth + 1);
    } else out.push({ ref: v instanceof PdfRef ? v : undefined, dict: d, fullName, type });
  };
  for (const f of asArray(store.resolve(acroForm?.get('Fields'))) ?? []) walk(f, '', undefined, 0);
  return out;
}

/** A field name not yet used: Signature1, Signature2, … */
export function uniqueFieldName(fields: FieldNode[], base = 'Signature'): string {
  const used = new Set(fields.map((f) => f.fullName));
  for (let i = 1; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/** The widget annotation of a terminal field: the field itself when merged, else its first kid. */
export function widgetOf(store: ObjectStore, field: FieldNode): { ref: PdfRef | undefined; dict: PdfDict } {
  const kids = asArray(store.resolve(field.dict.get('Kids')));
  const first = kids?.[0];
  const kid = first !== undefined ? asDict(store.resolve(first)) : undefined;
  if (kid && first instanceof PdfRef) return { ref: first, dict: kid };
  return { ref: field.ref, dict: field.dict };
}
