/**
 * Where every object of the signed revision is used (pyHanko's reverse-reference paths): a walk from the
 * signed trailer that labels each object number with the roles of the paths reaching it — catalog, page N,
 * page content, annotation, form field, signature value, DSS, metadata … A later change is judged by these
 * roles, never by what the new revision claims about the object. Dangling references get roles too: defining
 * them later changes what the signed revision shows.
 */
import { asDict, isName, PdfDict, PdfRef, PdfStream, PdfString, type PdfValue } from '../pdf-objects';
import type { ObjectStore } from '../pdf-reader';
import { makeRole, RoleCache, RoleMap } from './role-tables';
import type { WalkLog, WalkReplay } from './walk-log';

export { makeRole, RoleMap } from './role-tables';

export type RoleKind =
  | 'catalog'
  | 'info'
  | 'metadata'
  | 'dss'
  | 'pages'
  | 'page'
  | 'content'
  | 'annots'
  | 'annot'
  | 'appearance'
  | 'acroform'
  | 'fields'
  | 'field'
  | 'field-value'
  | 'sig-value'
  | 'other'
  /** reached only from a trailer key other than /Root and /Info: no reader shows it */
  | 'trailer';

export interface Role {
  kind: RoleKind;
  page?: number;
  /** full field name (field roles) */
  field?: string;
  /** inherited field type (field roles) */
  fieldType?: string;
}

/** trailer keys that are file structure, not usages of objects */
const TRAILER_SKIP = new Set(['Size', 'Prev', 'XRefStm', 'ID', 'Encrypt']);

export interface SignedRoles {
  roles: RoleMap;
  /** the walk stopped at the cap: the document is too complex to analyse */
  truncated: boolean;
  /** parts taken from an earlier walk instead of walked (roles-reuse.ts) */
  replayed: number;
}

/** most objects walked in one signed revision */
export const WALK_CAP = 400_000;

/** a value the walk goes into (references, arrays, dictionaries, streams); names and strings hold nothing */
function walkable(v: PdfValue | undefined): boolean {
  return v instanceof PdfRef || Array.isArray(v) || v instanceof PdfDict || v instanceof PdfStream;
}

export function signedRoles(
  store: ObjectStore,
  trailer: PdfDict,
  pageOf: Map<number, number>,
  cap = WALK_CAP,
  /** the log to record the walk in, or an earlier walk to take unchanged parts from (roles-reuse.ts) */
  reuse?: { log?: WalkLog; replay?: WalkReplay },
): SignedRoles {
  const roles = new RoleMap();
  const log = reuse?.log;
  const replay = reuse?.replay;
  // the stack as two arrays (value, role) instead of one object per item
  const values: (PdfValue | undefined)[] = [];
  const incoming: Role[] = [];
  /** every value pushed counts once towards the cap, walkable or not (as when every one was popped) */
  let walked = 0;
  let replayed = 0;
  const push = (v: PdfValue | undefined, role: Role) => {
    if (v === undefined || v === null || typeof v !== 'object') return;
    if (walkable(v)) {
      values.push(v);
      incoming.push(role);
    } else walked++;
  };
  const made = new RoleCache();
  // one callback for every dictionary (no [key, value] pair per entry, no closure per dictionary)
  let owner: Role = CATALOG;
  let ownerDict: PdfDict | undefined;
  const entry = (x: PdfValue, k: string) => {
    if (x === null || typeof x !== 'object') return;
    const r = childRole(owner, k, ownerDict!, made);
    if (r) push(x, r);
  };
  const expand = (v: PdfValue | undefined, role: Role) => {
    if (Array.isArray(v)) {
      const r = elementRole(role, made);
      for (let i = 0; i < v.length; i++) push(v[i], r);
    } else if (v instanceof PdfDict || v instanceof PdfStream) {
      owner = role;
      ownerDict = v instanceof PdfStream ? v.dict : v;
      ownerDict.forEach(entry);
    }
  };
  trailer.forEach((v, k) => {
    // /Root and /Info make the document; other trailer keys are usages too (pyHanko counts them)
    if (k === 'Root' || k === 'Info') push(v, k === 'Root' ? CATALOG : INFO);
    else if (!TRAILER_SKIP.has(k)) push(v, TRAILER);
  });
  while (values.length) {
    log?.close(values.length, walked);
    if (++walked > cap) return { roles, truncated: true, replayed };
    const v = values.pop();
    const from = incoming.pop()!;
    if (v instanceof PdfRef) {
      const num = v.num;
      let value: PdfValue | undefined;
      let threw = false;
      // a page's role needs no value: when a replay may take its part, it is read only if the part is walked
      const unread = replay !== undefined && pageOf.has(num);
      if (!unread) {
        try {
          value = store.get(num);
        } catch {
          value = undefined; // unreadable in the signed revision: its role is recorded, nothing below it
          threw = true;
        }
      }
      const role = objectRole(from, num, value, pageOf, made);
      const before = role ? roles.add(num, role) : -1;
      if (log) log.arrival(num, role, role ? (before < 0 ? roles.count(num) : before) : -1, threw);
      if (before < 0) continue;
      if (replay) {
        // the part of the earlier walk below this object, when provably the same here: its roles, not a walk
        const cost = replay.replay(num, role!, before, roles, walked, cap);
        if (cost >= 0) {
          walked += cost;
          replayed++;
          continue;
        }
      }
      if (unread) {
        try {
          value = store.get(num);
        } catch {
          value = undefined;
        }
      }
      log?.open(values.length, walked);
      expand(value, role!);
    } else expand(v, completeFieldRole(from, asDict(v)));
  }
  log?.close(0, walked);
  // the values that were counted but not pushed (names, strings) may be what passes the cap
  return { roles, truncated: walked > cap, replayed };
}

const CATALOG = makeRole('catalog');
const INFO = makeRole('info');
const TRAILER = makeRole('trailer');
const PAGES = makeRole('pages');
const ACROFORM = makeRole('acroform');
const DSS = makeRole('dss');
const METADATA = makeRole('metadata');
const OTHER = makeRole('other');
const CONTENT = makeRole('content');
const FIELDS = makeRole('fields');

/** the role of an array element: arrays carry their owner's meaning to their elements */
function elementRole(role: Role, made: RoleCache): Role {
  if (role.kind === 'annots') return made.of('annot', role.page);
  if (role.kind === 'fields') return makeRole('field', role.page, role.field, role.fieldType);
  return role;
}

/**
 * An annotation dictionary: a dictionary naming itself one — never a stream, which viewers draw where it is used
 * (a page's content stream saying /Type /Annot is still the page's content)
 */
function isAnnotation(v: PdfValue | undefined): boolean {
  return v instanceof PdfDict && (isName(v.get('Type'), 'Annot') || isName(v.get('Subtype'), 'Widget'));
}

/**
 * roles from which an annotation is not judged (it is judged from its page's /Annots): structure trees and other
 * catalog structures, trailer keys, another annotation's keys (a reply's /IRT, a hide action's /T). Never a
 * page's content or resources: whatever an object there says it is, viewers draw it as the page's, and a change
 * to it is a change of the page (a content stream or a /Resources dictionary claiming /Type /Annot and listed in
 * /Annots passed as an annotation change)
 */
const WEAK = new Set<RoleKind>(['other', 'trailer', 'appearance']);

/**
 * The role an object takes from the path reaching it: pages are pages wherever they are referenced from
 * (outline destinations, …), and an annotation is judged from its page's /Annots, not from a structure tree.
 */
function objectRole(
  incoming: Role,
  num: number,
  value: PdfValue | undefined,
  pageOf: Map<number, number>,
  made: RoleCache,
): Role | undefined {
  const page = pageOf.get(num);
  if (page !== undefined) return made.of('page', page);
  if (WEAK.has(incoming.kind) && isAnnotation(value)) return undefined;
  return completeFieldRole(incoming, asDict(value));
}

/** the role of the value under key `k` of a dictionary playing `role`; undefined = not walked from here */
function childRole(role: Role, k: string, d: PdfDict, made: RoleCache): Role | undefined {
  const page = role.page;
  switch (role.kind) {
    case 'catalog':
      if (k === 'Pages') return PAGES;
      if (k === 'AcroForm') return ACROFORM;
      if (k === 'DSS') return DSS;
      if (k === 'Metadata') return METADATA;
      return OTHER;
    case 'pages':
      if (k === 'Parent') return undefined;
      if (k === 'Kids') return PAGES;
      return CONTENT;
    case 'page':
      if (k === 'Parent') return undefined;
      if (k === 'Annots') return made.of('annots', page);
      return made.of('content', page);
    case 'annot':
      // the page (/P), the field (/Parent) and a widget's value (/V) are reached by their own paths
      if (k === 'P' || k === 'Parent' || k === 'V') return undefined;
      if (k === 'Popup') return made.of('annot', page);
      return made.of('appearance', page);
    case 'acroform':
      if (k === 'Fields') return FIELDS;
      return OTHER;
    case 'field': {
      if (k === 'P' || k === 'Parent') return undefined;
      if (k === 'Kids') return makeRole('fields', page, role.field, role.fieldType);
      if (k === 'V') {
        return role.fieldType === 'Sig' || isName(d.get('FT'), 'Sig')
          ? makeRole('sig-value', undefined, role.field)
          : makeRole('field-value', page, role.field);
      }
      return makeRole('appearance', page, role.field);
    }
    case 'fields':
      return OTHER; // an array object: its elements are handled by elementRole
    default:
      // dss, metadata, info, sig-value, field-value, content, appearance, other: everything below keeps the role
      return role;
  }
}

/** the field role of a field dictionary reached from /Fields or /Kids (name and type completed) */
export function completeFieldRole(role: Role, d: PdfDict | undefined): Role {
  if (!d || role.kind !== 'field') return role;
  const t = d.get('T');
  const part = t instanceof PdfString ? t.text() : '';
  const ft = d.get('FT');
  return makeRole(
    role.kind,
    role.page,
    role.field && part ? `${role.field}.${part}` : role.field || part,
    isName(ft) ? ft.name : role.fieldType,
  );
}
