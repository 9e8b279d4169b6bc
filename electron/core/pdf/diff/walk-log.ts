/**
 * The log of a signed-roles walk (roles.ts) and its replay in the walk of a later signed revision (issue 22).
 *
 * The walk is depth-first from a stack, and what it does below an object — the part of the walk from the moment
 * the object is taken off the stack until the stack is back to where it was, its "segment" — depends only on:
 * the object's value and the values of every object the segment reaches, the role it arrives with, the page
 * list, and the roles already recorded for the objects the segment reaches (a role already there is not walked
 * again). When all of these are the same in the later walk, the segment does exactly what it did in the
 * earlier walk: the same roles added to the same objects in the same order, the same count towards the cap. The
 * replay checks exactly that — no object of the segment redefined between the two revisions (nor unreadable),
 * the same arriving role, the same roles held at the segment's start by every object it reaches — and then
 * adds the logged roles instead of walking. Anything else is walked.
 */
import type { Role } from './roles';
import type { RoleMap } from './role-tables';

/** objects holding more roles than this when a segment starts are not compared: that segment is walked */
const MAX_COMPARED_ROLES = 8;

/** one entry per object taken off the stack (an "arrival"), in walk order; arrays of numbers, no object each */
export class WalkLog {
  readonly num: number[] = [];
  /** the role it arrived with (undefined: not recorded, e.g. an annotation reached from a structure tree) */
  readonly role: (Role | undefined)[] = [];
  /** roles the object held when it arrived (-1: none looked at, the role was undefined) */
  readonly before: number[] = [];
  /** for an arrival that added its role and was walked: the arrival after its segment; else -1 */
  readonly end: number[] = [];
  /** for the same: how much its segment counted towards the cap */
  readonly cost: number[] = [];
  /** the arrivals that added a role, per object number, in order (the n-th held n roles before it) */
  private readonly added = new Map<number, number | number[]>();
  /** arrivals whose object could not be read */
  readonly threw: number[] = [];
  /** the segments open: arrival, stack size when it began, count when it began */
  private readonly openAt: number[] = [];
  private readonly openDepth: number[] = [];
  private readonly openWalked: number[] = [];

  get length(): number {
    return this.num.length;
  }

  arrival(num: number, role: Role | undefined, before: number, threw: boolean): void {
    const k = this.num.length;
    this.num.push(num);
    this.role.push(role);
    this.before.push(before);
    this.end.push(-1);
    this.cost.push(0);
    if (threw) this.threw.push(k);
  }

  /** the last arrival added its role and is walked now: its segment begins */
  open(depth: number, walked: number): void {
    const k = this.num.length - 1;
    const num = this.num[k]!;
    const list = this.added.get(num);
    if (list === undefined) this.added.set(num, k);
    else if (Array.isArray(list)) list.push(k);
    else this.added.set(num, [list, k]);
    this.openAt.push(k);
    this.openDepth.push(depth);
    this.openWalked.push(walked);
  }

  /** the stack is down to `depth` values: the segments that began at that size or above are over */
  close(depth: number, walked: number): void {
    const at = this.openAt;
    while (at.length && this.openDepth[at.length - 1]! >= depth) {
      const k = at.pop()!;
      this.openDepth.pop();
      this.end[k] = this.num.length;
      this.cost[k] = walked - this.openWalked.pop()!;
    }
  }

  /** the arrival at which `num` got its role number `n` (counting from 0), -1 when none */
  addedAt(num: number, n: number): number {
    const list = this.added.get(num);
    if (list === undefined) return -1;
    if (!Array.isArray(list)) return n === 0 ? list : -1;
    return list[n] ?? -1;
  }
}

function sameRole(a: Role, b: Role): boolean {
  return a.kind === b.kind && a.page === b.page && a.field === b.field && a.fieldType === b.fieldType;
}

/** a logged walk and which of its arrivals may differ in the revision walked now */
export class WalkReplay {
  constructor(
    private readonly log: WalkLog,
    /** the logged walk's roles (its state at any arrival is the start of these lists) */
    private readonly earlier: RoleMap,
    /** dirty[k]: arrivals before k whose object may differ (redefined between the revisions, or unreadable) */
    private readonly dirty: Int32Array,
  ) {}

  /**
   * `num` has just got `role`, its role number `n`, in the walk of `roles`, with `walked` counted so far: when
   * the logged walk did the very same there, adds the roles of its segment and returns what the segment
   * counted towards the cap; -1 (nothing added) when the segment has to be walked.
   */
  replay(num: number, role: Role, n: number, roles: RoleMap, walked: number, cap: number): number {
    const log = this.log;
    const j = log.addedAt(num, n);
    if (j < 0 || !sameRole(log.role[j]!, role)) return -1;
    const end = log.end[j]!;
    const cost = log.cost[j]!;
    if (end < 0 || this.dirty[end]! !== this.dirty[j]! || walked + cost > cap) return -1;
    // every object the segment looks at holds the roles it held in the logged walk when the segment began;
    // checked at each of its arrivals (an object given a role inside the segment and met again there does not
    // pass the check: that rare part is walked)
    if (n > MAX_COMPARED_ROLES || !roles.sameStart(num, this.earlier, n)) return -1;
    for (let k = j + 1; k < end; k++) {
      const before = log.before[k]!;
      if (before < 0) continue;
      const other = log.num[k]!;
      if (before > MAX_COMPARED_ROLES || roles.count(other) !== before) return -1;
      if (!roles.sameStart(other, this.earlier, before)) return -1;
    }
    for (let k = j + 1; k < end; k++) if (log.end[k]! >= 0) roles.add(log.num[k]!, log.role[k]!);
    return cost;
  }
}

/**
 * The dirty counts of `log` for a revision that differs from the logged one by the object numbers `changed`
 * (with the members of changed object streams): dirty[k] = how many of the first k arrivals are of a changed
 * object or of one that could not be read.
 */
export function dirtyCounts(log: WalkLog, changed: Set<number>): Int32Array {
  const n = log.length;
  const nums = log.num;
  const mark = new Uint8Array(n);
  for (const k of log.threw) mark[k] = 1;
  const dirty = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) dirty[k + 1] = dirty[k]! + (mark[k] || changed.has(nums[k]!) ? 1 : 0);
  return dirty;
}
