/**
 * The objects a new signature adds or changes: the signature dictionary (with fixed-width /ByteRange and
 * /Contents placeholders), the signature field + widget, the page's /Annots, /AcroForm (/Fields, /SigFlags 3)
 * and the catalog when /AcroForm is new.
 */
import type { PdfMessageKey } from '../i18n/messages/pdf';
import { SigilloError, failure, failureOf } from '../errors';
import {
  asArray,
  asNumber,
  name,
  pdfDate,
  PdfDict,
  PdfRaw,
  PdfRef,
  PdfString,
  ref,
  textString,
  type PdfValue,
} from './pdf-objects';
import type { PdfReader, ObjectStore } from './pdf-reader';
import type { IncrementObject } from './incremental-writer';
import { nextObjectNumber } from './incremental-writer';
import { allFields, uniqueFieldName, widgetOf, type FieldNode } from './form-fields';
import { pageRefs } from './pages';
import { pdfBroken } from './pdf-errors';
import { docMdpPermission } from './doc-mdp';

export const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

/** Builds the /AP /N form XObject (and what it uses) for a widget of the given size. */
export type AppearanceBuilder = (width: number, height: number, alloc: () => number) => IncrementObject[];

export interface SignatureObjectsInput {
  reader: PdfReader;
  signingTime: Date;
  /** bytes reserved for the CMS: /Contents holds twice as many hex digits */
  contentsSize: number;
  subFilter: string;
  reason?: string;
  location?: string;
  contact?: string;
  signerName?: string;
  /** an existing empty signature field to sign */
  field?: string;
  /** a new visible field: page (1-based) and rectangle in PDF points */
  visible?: { page: number; x: number; y: number; width: number; height: number };
  appearance?: AppearanceBuilder;
  /** a document timestamp dictionary (/Type /DocTimeStamp, issue 10) instead of /Type /Sig */
  docTimeStamp?: boolean;
}

export interface SignatureObjects {
  objects: IncrementObject[];
  sigNum: number;
  fieldName: string;
}

function fieldError(key: PdfMessageKey, field: string): SigilloError {
  return failureOf(key, { field });
}

function signatureDict(input: SignatureObjectsInput): PdfDict {
  const d = new PdfDict()
    .set('Type', name(input.docTimeStamp ? 'DocTimeStamp' : 'Sig'))
    .set('Filter', name('Adobe.PPKLite'))
    .set('SubFilter', name(input.subFilter))
    .set('ByteRange', new PdfRaw(BYTE_RANGE_PLACEHOLDER))
    .set('Contents', new PdfRaw('<' + '0'.repeat(input.contentsSize * 2) + '>'))
    .set('M', pdfDate(input.signingTime));
  if (input.signerName) d.set('Name', textString(input.signerName));
  if (input.reason) d.set('Reason', textString(input.reason));
  if (input.location) d.set('Location', textString(input.location));
  if (input.contact) d.set('ContactInfo', textString(input.contact));
  return d;
}

class Plan {
  readonly objects = new Map<number, IncrementObject>();
  private next: number;
  constructor(
    readonly reader: PdfReader,
    readonly store: ObjectStore,
  ) {
    this.next = nextObjectNumber(reader);
  }
  alloc = (): number => this.next++;
  put(num: number, value: PdfValue, gen = 0): void {
    this.objects.set(num, { num, gen, value });
  }
  /** the current (possibly already changed in this plan) dictionary of an object */
  dictOf(r: PdfRef): PdfDict {
    const planned = this.objects.get(r.num)?.value;
    const d = planned instanceof PdfDict ? planned : this.store.dict(r);
    if (!d) throw pdfBroken(`object ${r.num} missing`);
    return d.clone();
  }
  /** appends `item` to the array found at `holder[key]`, whether inline or an indirect array object */
  appendTo(holder: PdfDict, key: string, item: PdfRef): void {
    const v = holder.get(key);
    if (v instanceof PdfRef) {
      const arr = asArray(this.store.resolve(v));
      if (arr) {
        if (!arr.some((x) => x instanceof PdfRef && x.num === item.num))
          this.put(v.num, [...arr, item], v.gen);
        return;
      }
    }
    const arr = asArray(v) ?? [];
    holder.set(key, arr.some((x) => x instanceof PdfRef && x.num === item.num) ? arr : [...arr, item]);
  }
}

function rootRef(reader: PdfReader): PdfRef {
  const r = reader.trailer.get('Root');
  if (!(r instanceof PdfRef)) throw pdfBroken('no /Root reference');
  return r;
}

/** adds the field to /AcroForm /Fields and sets /SigFlags 3, creating /AcroForm when missing */
function registerField(plan: Plan, fieldRef: PdfRef | undefined): void {
  const catRef = rootRef(plan.reader);
  const catalog = plan.dictOf(catRef);
  const af = catalog.get('AcroForm');
  if (af instanceof PdfRef) {
    const form = plan.dictOf(af);
    if (fieldRef) plan.appendTo(form, 'Fields', fieldRef);
    form.set('SigFlags', (asNumber(plan.store.resolve(form.get('SigFlags'))) ?? 0) | 3);
    plan.put(af.num, form, af.gen);
    return;
  }
  const form = af instanceof PdfDict ? af.clone() : new PdfDict().set('Fields', []);
  if (fieldRef) plan.appendTo(form, 'Fields', fieldRef);
  form.set('SigFlags', (asNumber(form.get('SigFlags')) ?? 0) | 3);
  const formNum = plan.alloc();
  plan.put(formNum, form);
  catalog.set('AcroForm', ref(formNum));
  plan.put(catRef.num, catalog, catRef.gen);
}

function addToPage(plan: Plan, pageRef: PdfRef, widget: PdfRef): void {
  const page = plan.dictOf(pageRef);
  const before = page.get('Annots');
  plan.appendTo(page, 'Annots', widget);
  if (!(before instanceof PdfRef) || !asArray(plan.store.resolve(before)))
    plan.put(pageRef.num, page, pageRef.gen);
}

function appearanceFor(plan: Plan, input: SignatureObjectsInput, w: number, h: number): PdfRef | undefined {
  if (!input.appearance || w <= 0 || h <= 0) return undefined;
  const objs = input.appearance(w, h, plan.alloc);
  for (const o of objs) plan.put(o.num, o.value, o.gen);
  return ref(objs[0]!.num);
}

function signExistingField(
  plan: Plan,
  input: SignatureObjectsInput,
  sigRef: PdfRef,
  fields: FieldNode[],
): void {
  const f = fields.find((x) => x.fullName === input.field);
  const fieldName = input.field!;
  if (!f) throw fieldError('PDF_FIELD_NOT_FOUND', fieldName);
  if (f.type !== 'Sig') throw fieldError('PDF_FIELD_NOT_SIGNATURE', fieldName);
  if (f.dict.get('V') !== undefined && f.dict.get('V') !== null) {
    throw fieldError('PDF_FIELD_ALREADY_SIGNED', fieldName);
  }
  if (!f.ref) throw pdfBroken('signature field is not an indirect object');
  const widget = widgetOf(plan.store, f);
  const field = plan.dictOf(f.ref).set('V', sigRef);
  const sameObject = !widget.ref || widget.ref.num === f.ref.num;
  const wd = sameObject ? field : plan.dictOf(widget.ref!);
  const rect = (asArray(plan.store.resolve(wd.get('Rect'))) ?? []).map(
    (x) => asNumber(plan.store.resolve(x)) ?? 0,
  );
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
  const ap = appearanceFor(plan, input, Math.abs(x2 - x1), Math.abs(y2 - y1));
  if (ap) wd.set('AP', new PdfDict().set('N', ap));
  wd.set('F', 132);
  plan.put(f.ref.num, field, f.ref.gen);
  if (!sameObject) plan.put(widget.ref!.num, wd, widget.ref!.gen);
  registerField(plan, undefined);
}

export function buildSignatureObjects(input: SignatureObjectsInput): SignatureObjects {
  const reader = input.reader;
  const plan = new Plan(reader, reader.latest);
  const catalog = reader.catalog();
  const permission = docMdpPermission(plan.store, catalog);
  if (permission === 1) {
    throw failure('PDF_CERTIFIED_NO_CHANGES');
  }
  // a new visible field after a certification draws over the certified pages: verifiers (pyHanko, Sigillo's own
  // change analysis) refuse it, so the signature would break the certification — invisible, or an existing field
  if (permission !== undefined && input.visible && !input.field) {
    throw failure('PDF_CERTIFIED_NO_NEW_VISIBLE');
  }
  const acroForm = plan.store.dict(catalog.get('AcroForm'));
  const fields = allFields(plan.store, acroForm);
  const sigNum = plan.alloc();
  const sigRef = ref(sigNum);
  plan.put(sigNum, signatureDict(input));
  if (input.field) {
    signExistingField(plan, input, sigRef, fields);
    return { objects: [...plan.objects.values()], sigNum, fieldName: input.field };
  }
  const pages = pageRefs(plan.store, catalog);
  const pageNo = input.visible?.page ?? 1;
  const pageRef = pages[pageNo - 1];
  if (!pageRef) {
    throw failure('PDF_PAGE_OUT_OF_RANGE', { page: pageNo, count: pages.length });
  }
  const fieldName = uniqueFieldName(fields);
  const v = input.visible;
  const rect = v ? [v.x, v.y, v.x + v.width, v.y + v.height] : [0, 0, 0, 0];
  const widgetNum = plan.alloc();
  const widget = new PdfDict()
    .set('Type', name('Annot'))
    .set('Subtype', name('Widget'))
    .set('FT', name('Sig'))
    .set('T', new PdfString(Buffer.from(fieldName, 'latin1')))
    .set('V', sigRef)
    .set('F', 132)
    .set('P', pageRef)
    .set('Rect', rect);
  const ap = v ? appearanceFor(plan, input, v.width, v.height) : undefined;
  if (ap) widget.set('AP', new PdfDict().set('N', ap));
  plan.put(widgetNum, widget);
  addToPage(plan, pageRef, ref(widgetNum));
  registerField(plan, ref(widgetNum));
  return { objects: [...plan.objects.values()], sigNum, fieldName };
}
