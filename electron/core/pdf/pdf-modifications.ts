/**
 * Changes after signing: compares the objects changed by every incremental update after the signed revision
 * with their signed version. Allowed: new signatures and their fields/widgets, DSS/VRI, document metadata,
 * form filling and annotations as the DocMDP permissions (P) permit. Anything else (page content, resources,
 * pages added or removed, …) is reported with the pages and objects concerned.
 */
import { t } from '../i18n/translate';
import { asArray, asDict, isName, PdfDict, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import type { ObjectStore, PdfReader } from './pdf-reader';
import { pageRefs } from './pages';
import { allFields } from './form-fields';
import { changedKeys, isSuperset, sameValue } from './pdf-diff';
import { docMdpPermission, lockedFields } from './doc-mdp';

export interface Modifications {
  /** incremental updates after the signed revision */
  laterRevisions: number;
  /** false when a later update changed something signing does not permit */
  allowed: boolean;
  /** 1-based pages with changes that are not allowed (pages added included) */
  pages: number[];
  /** object numbers with changes that are not allowed */
  objects: number[];
  /** the changes that are not allowed, in the user's language */
  changes: string[];
  /** kinds of permitted changes found: signature, dss, form-fill, annotation, metadata */
  allowedChanges: string[];
}

const ACROFORM_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']);
const CATALOG_KEYS = new Set(['AcroForm', 'DSS', 'Extensions', 'Metadata']);

function reachable(store: ObjectStore, start: PdfValue | undefined, limit = 20000): Set<number> {
  const seen = new Set<number>();
  const stack: (PdfValue | undefined)[] = [start];
  while (stack.length && seen.size < limit) {
    const v = stack.pop();
    if (v instanceof PdfRef) {
      if (seen.has(v.num)) continue;
      seen.add(v.num);
      stack.push(store.get(v.num));
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v instanceof PdfDict) stack.push(...v.map.values());
    else if (v instanceof PdfStream) stack.push(...v.dict.map.values());
  }
  return seen;
}

class Analysis {
  readonly notAllowed = new Map<number, string>();
  readonly pages = new Set<number>();
  readonly allowedKinds = new Set<string>();
  constructor(
    readonly reader: PdfReader,
    readonly old: ObjectStore,
    readonly now: ObjectStore,
    readonly p: number | undefined,
    readonly locked: (fullName: string) => boolean,
  ) {}
  deny(num: number, what: string, page?: number): void {
    this.notAllowed.set(num, what);
    if (page !== undefined) this.pages.add(page);
  }
  allow(kind: string): void {
    this.allowedKinds.add(kind);
  }
  /** a new entry of /Annots or /Fields */
  newElement(num: number, v: PdfValue, page?: number): void {
    const d = this.now.dict(v);
    const isSigField = (x: PdfDict | undefined): boolean =>
      isName(x?.get('FT'), 'Sig') || isName(this.now.dict(x?.get('Parent'))?.get('FT'), 'Sig');
    if (isSigField(d)) {
      // P=1: nothing may change but document timestamps (and DSS) may be added
      const sub = this.now.dict(d?.get('V'))?.get('SubFilter');
      if (this.p !== 1 || isName(sub, 'ETSI.RFC3161')) return this.allow('signature');
      return this.deny(
        num,
        t({ it: 'firma aggiunta (non permessa)', en: 'signature added (not permitted)' }),
        page,
      );
    }
    if (this.p === undefined || this.p === 3) return this.allow('annotation');
    this.deny(num, t({ it: 'annotazione o campo aggiunto', en: 'annotation or field added' }), page);
  }
  /** an array that may only grow (Fields, Annots) */
  growingArray(num: number, oldV: PdfValue | undefined, newV: PdfValue | undefined, page?: number): void {
    const o = asArray(this.old.resolve(oldV)) ?? [];
    const n = asArray(this.now.resolve(newV)) ?? [];
    if (!isSuperset(this.reader, o, n)) {
      return this.deny(
        num,
        t({ it: 'annotazioni o campi rimossi', en: 'annotations or fields removed' }),
        page,
      );
    }
    for (const x of n) if (!o.some((y) => sameValue(this.reader, x, y))) this.newElement(num, x, page);
  }
  dictKeys(
    num: number,
    oldD: PdfDict,
    newD: PdfDict,
    allowed: Set<string>,
    what: string,
    page?: number,
  ): string[] {
    const keys = changedKeys(this.reader, oldD, newD);
    const bad = keys.filter((k) => !allowed.has(k));
    if (bad.length) this.deny(num, `${what}: /${bad.join(' /')}`, page);
    return keys;
  }
  acroForm(num: number, oldD: PdfDict, newD: PdfDict): void {
    this.dictKeys(num, oldD, newD, ACROFORM_KEYS, 'AcroForm');
    if (!(oldD.get('Fields') instanceof PdfRef))
      this.growingArray(num, oldD.get('Fields'), newD.get('Fields'));
  }
}

export function analyseModifications(
  reader: PdfReader,
  revisionEnd: number,
  laterRevisions: number,
  /** the signature's own dictionary, for its FieldMDP locks */
  sigDict?: PdfDict,
): Modifications {
  const old = reader.storeAt(revisionEnd);
  const now = reader.latest;
  const oldSection = reader.sections.find((s) => s.end <= revisionEnd)!;
  const oldRoot = oldSection.trailer.get('Root');
  const oldCatalog = old.dict(oldRoot) ?? new PdfDict();
  const a = new Analysis(reader, old, now, docMdpPermission(old, oldCatalog), lockedFields(old, sigDict));
  const rootNum = oldRoot instanceof PdfRef ? oldRoot.num : -1;
  const newRoot = reader.trailer.get('Root');
  if (!(newRoot instanceof PdfRef) || newRoot.num !== rootNum)
    a.deny(rootNum, t({ it: 'catalogo sostituito', en: 'catalog replaced' }));

  const oldPages = pageRefs(old, oldCatalog);
  const pageOf = new Map(oldPages.map((r, i) => [r.num, i + 1]));
  const annotsOf = new Map<number, number>();
  /** content streams and resources of each page, to name the page of a changed object */
  const usedBy = new Map<number, number>();
  for (const [num, page] of pageOf) {
    const pd = asDict(old.get(num));
    const an = pd?.get('Annots');
    if (an instanceof PdfRef) annotsOf.set(an.num, page);
    const c = pd?.get('Contents');
    for (const x of [c, ...(asArray(old.resolve(c)) ?? []), pd?.get('Resources')]) {
      if (x instanceof PdfRef && !usedBy.has(x.num)) usedBy.set(x.num, page);
    }
  }
  const acroRef = oldCatalog.get('AcroForm');
  const oldForm = old.dict(acroRef);
  const fieldsRef = oldForm?.get('Fields');
  const fields = new Map(allFields(old, oldForm).flatMap((f) => (f.ref ? [[f.ref.num, f] as const] : [])));
  const dss = new Set([
    ...reachable(old, oldCatalog.get('DSS')),
    ...reachable(now, now.dict(newRoot)?.get('DSS')),
  ]);
  const infoRef = oldSection.trailer.get('Info');

  const changed = new Set<number>();
  for (const s of reader.sections) if (s.end > revisionEnd) for (const n of s.entries.keys()) changed.add(n);
  for (const num of [...changed].sort((x, y) => x - y)) {
    const oldV = old.get(num);
    if (oldV === undefined || oldV === null) continue;
    const oldD = asDict(oldV);
    if (isName(oldD?.get('Type'), 'XRef') || isName(oldD?.get('Type'), 'ObjStm')) continue;
    const newV = now.get(num);
    if (newV === undefined || newV === null) {
      a.deny(num, t({ it: 'oggetto {n} eliminato', en: 'object {n} deleted' }, { n: num }), pageOf.get(num));
      continue;
    }
    if (sameValue(reader, oldV, newV)) continue;
    const newD = asDict(newV);
    if (!oldD || !newD) {
      if (num === (fieldsRef as PdfRef | undefined)?.num) a.growingArray(num, oldV, newV);
      else if (annotsOf.has(num)) a.growingArray(num, oldV, newV, annotsOf.get(num));
      else a.deny(num, t({ it: 'oggetto {n} modificato', en: 'object {n} changed' }, { n: num }));
      continue;
    }
    if (num === rootNum) {
      a.dictKeys(num, oldD, newD, CATALOG_KEYS, t({ it: 'catalogo', en: 'catalog' }));
      const af = oldD.get('AcroForm');
      if (af instanceof PdfDict) a.acroForm(num, af, asDict(newD.get('AcroForm')) ?? new PdfDict());
      if (!sameValue(reader, oldD.get('DSS'), newD.get('DSS'))) a.allow('dss');
    } else if (acroRef instanceof PdfRef && num === acroRef.num) {
      a.acroForm(num, oldD, newD);
    } else if (pageOf.has(num)) {
      const page = pageOf.get(num)!;
      a.dictKeys(
        num,
        oldD,
        newD,
        new Set(['Annots']),
        t({ it: 'pagina {p}', en: 'page {p}' }, { p: page }),
        page,
      );
      if (!(oldD.get('Annots') instanceof PdfRef))
        a.growingArray(num, oldD.get('Annots'), newD.get('Annots'), page);
    } else if (dss.has(num)) {
      a.allow('dss');
    } else if ((infoRef instanceof PdfRef && num === infoRef.num) || isName(oldD.get('Type'), 'Metadata')) {
      a.allow('metadata');
    } else if (fields.has(num) && fields.get(num)!.type === 'Sig') {
      const keys = a.dictKeys(
        num,
        oldD,
        newD,
        new Set(['V', 'AP', 'F', 'Lock', 'SV', 'Ff']),
        t({ it: 'campo firma', en: 'signature field' }),
      );
      if (keys.includes('V') && oldD.get('V') !== undefined && oldD.get('V') !== null) {
        a.deny(num, t({ it: 'firma esistente sostituita', en: 'existing signature replaced' }));
      } else a.allow('signature');
    } else if (fields.has(num) || isName(oldD.get('Subtype'), 'Widget')) {
      const fieldName = fields.get(num)?.fullName ?? fieldNameOf(old, oldD);
      if (a.p === 1)
        a.deny(num, t({ it: 'modulo compilato (non permesso)', en: 'form filled in (not permitted)' }));
      else if (a.locked(fieldName) && changedKeys(reader, oldD, newD).some((k) => k === 'V' || k === 'AS')) {
        a.deny(
          num,
          t({ it: 'campo bloccato «{f}» modificato', en: 'locked field "{f}" changed' }, { f: fieldName }),
        );
      } else
        a.dictKeys(
          num,
          oldD,
          newD,
          new Set(['V', 'AS', 'AP', 'MK', 'F']),
          t({ it: 'campo modulo', en: 'form field' }),
        );
      a.allow('form-fill');
    } else if (isName(oldD.get('Type'), 'Annot') || (oldD.has('Subtype') && oldD.has('Rect'))) {
      if (a.p === undefined || a.p === 3) a.allow('annotation');
      else a.deny(num, t({ it: 'annotazione modificata', en: 'annotation changed' }));
    } else {
      const type = oldD.get('Type');
      const what = isName(type) ? type.name : oldV instanceof PdfStream ? 'stream' : 'dictionary';
      a.deny(
        num,
        t({ it: 'oggetto {n} ({w}) modificato', en: 'object {n} ({w}) changed' }, { n: num, w: what }),
        pageOf.get(num) ?? usedBy.get(num),
      );
    }
  }
  const newPages = pageRefs(now, now.dict(newRoot) ?? new PdfDict());
  const samePages =
    newPages.length === oldPages.length && newPages.every((r, i) => r.num === oldPages[i]!.num);
  if (!samePages) {
    newPages.forEach((r, i) => {
      if (!pageOf.has(r.num)) a.pages.add(i + 1);
    });
    a.deny(
      -1,
      t(
        { it: 'pagine aggiunte o rimosse ({a} → {b})', en: 'pages added or removed ({a} → {b})' },
        { a: oldPages.length, b: newPages.length },
      ),
    );
  }
  const objects = [...a.notAllowed.keys()].filter((n) => n >= 0).sort((x, y) => x - y);
  return {
    laterRevisions,
    allowed: a.notAllowed.size === 0,
    pages: [...a.pages].sort((x, y) => x - y),
    objects,
    changes: [...a.notAllowed.values()],
    allowedChanges: [...a.allowedKinds].sort(),
  };
}

/** full name of a field (or of the field a widget belongs to), from /T up the /Parent chain */
function fieldNameOf(store: ObjectStore, d: PdfDict): string {
  const parts: string[] = [];
  let node: PdfDict | undefined = d;
  for (let i = 0; node && i < 32; i++) {
    const tv = node.get('T');
    if (tv instanceof PdfString) parts.unshift(tv.text());
    node = store.dict(node.get('Parent'));
  }
  return parts.join('.');
}
