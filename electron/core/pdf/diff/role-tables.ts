/** The tables of the signed-roles walk (roles.ts): the roles found per object, and the role objects made once. */
import type { Role, RoleKind } from './roles';

/**
 * The roles of each object number, in the order met: a single role is kept as itself and a list is made from the
 * second one on (most of 10 000 objects have one role: no list each).
 */
export class RoleMap {
  private readonly m = new Map<number, Role | Role[]>();
  /** the roles of `num` (a new list for a single role), undefined when the walk never reached it */
  get(num: number): Role[] | undefined {
    const x = this.m.get(num);
    return x === undefined ? undefined : Array.isArray(x) ? x : [x];
  }
  get size(): number {
    return this.m.size;
  }
  *[Symbol.iterator](): IterableIterator<[number, Role[]]> {
    for (const num of this.m.keys()) yield [num, this.get(num)!];
  }
  /** the walk's own access: the role or the list as kept */
  held(num: number): Role | Role[] | undefined {
    return this.m.get(num);
  }
  hold(num: number, r: Role | Role[]): void {
    this.m.set(num, r);
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
      if (!r) this.plain.set(kind, (r = { kind, page }));
      return r;
    }
    let list = this.paged.get(kind);
    if (!list) this.paged.set(kind, (list = []));
    return (list[page] ??= { kind, page });
  }
}
