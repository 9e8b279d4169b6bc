/** The tables of the signed-roles walk (roles.ts): the roles found per object, and the role objects made once. */
import type { Role, RoleKind } from './roles';

/**
 * A role, always with its four fields in this order (undefined when absent): one object shape for every role,
 * so that the walk's reads of `kind`, `page` and `field` stay monomorphic (they ran megamorphic over seven
 * shapes, and mostly unoptimised).
 */
export function makeRole(kind: RoleKind, page?: number, field?: string, fieldType?: string): Role {
  return { kind, page, field, fieldType };
}

/** lists longer than this get a key set (one entry per kind and field name: a list is short in real files) */
const LIST_SCAN = 16;

function roleKey(role: Role): string {
  return `${role.kind}|${role.field ?? ''}`;
}

/** the same kind and field name: one role per such pair is kept for an object */
export function sameKey(a: Role, b: Role): boolean {
  return a.kind === b.kind && (a.field ?? '') === (b.field ?? '');
}

/**
 * The roles of each object number, in the order met, one per kind and field name: a single role is kept as
 * itself and a list is made from the second one on (most of 10 000 objects have one role: no list each).
 */
export class RoleMap {
  private readonly m = new Map<number, Role | Role[]>();
  /** key sets of the long lists (hostile field trees: thousands of fields sharing one object) */
  private readonly keys = new Map<number, Set<string>>();
  /** the roles of `num` (a new list for a single role), undefined when the walk never reached it */
  get(num: number): Role[] | undefined {
    const x = this.m.get(num);
    return x === undefined ? undefined : Array.isArray(x) ? x : [x];
  }
  get size(): number {
    return this.m.size;
  }
  /** the object numbers that have roles */
  numbers(): IterableIterator<number> {
    return this.m.keys();
  }
  *[Symbol.iterator](): IterableIterator<[number, Role[]]> {
    for (const num of this.m.keys()) yield [num, this.get(num)!];
  }
  /** how many roles `num` has */
  count(num: number): number {
    const x = this.m.get(num);
    return x === undefined ? 0 : Array.isArray(x) ? x.length : 1;
  }
  /**
   * Adds `role` to `num` unless a role of its kind and field is there: the number of roles before it, or -1
   * when it was there already (one entry per kind and field: enough to judge, and bounded on shared objects)
   */
  add(num: number, role: Role): number {
    const held = this.m.get(num);
    if (held === undefined) {
      this.m.set(num, role);
      return 0;
    }
    if (!Array.isArray(held)) {
      if (sameKey(held, role)) return -1;
      this.m.set(num, [held, role]);
      return 1;
    }
    const set = this.keys.get(num);
    if (set) {
      const key = roleKey(role);
      if (set.has(key)) return -1;
      set.add(key);
    } else {
      for (const r of held) if (sameKey(r, role)) return -1;
      if (held.length >= LIST_SCAN) this.keys.set(num, new Set([...held, role].map(roleKey)));
    }
    held.push(role);
    return held.length - 1;
  }
  /** the first `n` roles of `num` here and in `other` have the same kinds and field names, in order */
  sameStart(num: number, other: RoleMap, n: number): boolean {
    if (n === 0) return true;
    const a = this.m.get(num);
    const b = other.m.get(num);
    if (a === undefined || b === undefined) return false;
    if (!Array.isArray(a) || !Array.isArray(b)) {
      return n === 1 && sameKey(Array.isArray(a) ? a[0]! : a, Array.isArray(b) ? b[0]! : b);
    }
    if (a.length < n || b.length < n) return false;
    for (let i = 0; i < n; i++) if (!sameKey(a[i]!, b[i]!)) return false;
    return true;
  }
}

/**
 * One role object per kind and page for the roles without a field name (roles are never changed once made): the
 * walk of 5000 pages keeps one 'content' role per page instead of one per dictionary entry.
 */
export class RoleCache {
  private readonly paged = new Map<RoleKind, Role[]>();
  private readonly plain = new Map<RoleKind, Role>();
  of(kind: RoleKind, page: number | undefined): Role {
    if (page === undefined) {
      let r = this.plain.get(kind);
      if (!r) this.plain.set(kind, (r = makeRole(kind, page)));
      return r;
    }
    let list = this.paged.get(kind);
    if (!list) this.paged.set(kind, (list = []));
    return (list[page] ??= makeRole(kind, page));
  }
}
