/** What every rule sees: the two revisions, the signed roles, the permissions, and where items are recorded. */
import type { Message } from '../../i18n/translate';
import { asArray, PdfRef, type PdfDict, type PdfValue } from '../pdf-objects';
import { allFields, type FieldNode } from '../form-fields';
import type { ObjectStore, PdfReader } from '../pdf-reader';
import type { RoleMap } from './roles';
import { ruleWords } from './rule-names';
import type { ChangeItem, ChangeKind } from './types';

/** fills `{name}` placeholders in both languages */
export function msg(m: Message, params: Record<string, string | number> = {}): Message {
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
  return { it: fill(m.it), en: fill(m.en) };
}

export interface Where {
  page?: number | undefined;
  object?: number | undefined;
  name?: string | undefined;
}

export class DiffContext {
  readonly items: ChangeItem[] = [];
  /** new annotations and fields already classified (listed in /Annots and /Fields alike) */
  readonly seenNew = new Set<number>();
  private newFields?: Map<number, NewField>;
  constructor(
    readonly reader: PdfReader,
    readonly old: ObjectStore,
    readonly now: ObjectStore,
    readonly roles: RoleMap,
    /** DocMDP P of the certification signature of the signed revision (undefined: none) */
    readonly p: number | undefined,
    /** FieldMDP locks of the signature */
    readonly locked: (fullName: string) => boolean,
    /** the signature locks some fields (FieldMDP) */
    readonly locks = false,
  ) {}

  record(kind: ChangeKind, allowed: boolean, rule: string, reason: Message, where: Where = {}): void {
    this.items.push({
      kind,
      allowed,
      rule,
      ruleText: ruleWords(rule),
      page: where.page ?? null,
      object: where.object ?? null,
      name: where.name ?? null,
      reason,
    });
  }
  allow(kind: ChangeKind, rule: string, reason: Message, where: Where = {}): void {
    this.record(kind, true, rule, reason, where);
  }
  deny(kind: ChangeKind, rule: string, reason: Message, where: Where = {}): void {
    this.record(kind, false, rule, reason, where);
  }

  /**
   * true when the object number was defined in the signed revision, or referenced there from the document
   * (a dangling reference only from other structures — a tag tree pointing at a removed widget — does not count)
   */
  usedWhenSigned(v: PdfValue | undefined): boolean {
    if (!(v instanceof PdfRef)) return false;
    if (this.roles.get(v.num)?.some((r) => r.kind !== 'other' && r.kind !== 'trailer')) return true;
    try {
      const o = this.old.get(v.num);
      return o !== undefined && o !== null;
    } catch {
      return true;
    }
  }

  /** annotations may be added or changed: no certification, or DocMDP P=3 */
  get annotationsPermitted(): boolean {
    return this.p === undefined || this.p === 3;
  }

  /** the field (full name, type) a new or changed object belongs to in the latest revision */
  newField(num: number): NewField | undefined {
    if (!this.newFields) {
      let form: PdfDict | undefined;
      try {
        form = this.now.dict(this.reader.catalog(this.now).get('AcroForm'));
      } catch {
        form = undefined;
      }
      this.newFields = fieldsByObject(this.now, form);
    }
    return this.newFields.get(num);
  }

  oldDict(v: PdfValue | undefined): PdfDict | undefined {
    try {
      return this.old.dict(v);
    } catch {
      return undefined;
    }
  }
  newDict(v: PdfValue | undefined): PdfDict | undefined {
    try {
      return this.now.dict(v);
    } catch {
      return undefined;
    }
  }
}

/** a terminal field of the latest revision: full name, type, its own object number */
export interface NewField {
  fullName: string;
  type: string | undefined;
  field: number | undefined;
}

/** the latest revision's terminal fields by object number, their widget kids included */
export function fieldsByObject(store: ObjectStore, acroForm: PdfDict | undefined): Map<number, NewField> {
  const out = new Map<number, NewField>();
  let fields: FieldNode[] = [];
  try {
    fields = allFields(store, acroForm);
  } catch {
    return out;
  }
  for (const f of fields) {
    const info = { fullName: f.fullName, type: f.type, field: f.ref?.num };
    if (f.ref) out.set(f.ref.num, info);
    let kids: PdfValue[] = [];
    try {
      kids = asArray(store.resolve(f.dict.get('Kids'))) ?? [];
    } catch {
      kids = [];
    }
    for (const k of kids) if (k instanceof PdfRef && !out.has(k.num)) out.set(k.num, info);
  }
  return out;
}
