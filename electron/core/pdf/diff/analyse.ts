/**
 * Changes after signing (issue 18), pyHanko/DSS style: every object number whose latest value may differ from
 * the signed revision (objects in later object streams included) is judged by the roles it had in the signed
 * revision — where the signed catalog and trailer reached it from — never by what the new revision says about
 * it. A change passes only when a rule allows it for every role; everything else is reported with its page,
 * object and the rule that refused it.
 */
import { asDict, isName, PdfDict, PdfRef, PdfStream, type PdfValue } from '../pdf-objects';
import type { ObjectStore, PdfReader } from '../pdf-reader';
import { revisionPageRefs } from '../pages-reuse';
import { mayHoldMembers } from '../revision-changes';
import { sameValue } from '../pdf-diff';
import { docMdpPermission, lockedFields, locksFields } from '../doc-mdp';
import { DiffContext, msg } from './context';
import { WALK_CAP, type Role } from './roles';
import { revisionRoles } from './roles-reuse';
import { changedBetweenStores } from './changed-objects';
import { judgeObject, unexplained, unreadable } from './judge-object';
import { judgePageList } from './rules/page-list';
import { judgeDangling } from './rules/dangling';
import { judgeEncryption } from './rules/encryption';
import { judgeHybridShadows } from './rules/hybrid-shadow';
import { judgeRebuiltView } from './rules/rebuilt-view';
import { summary } from './summary';
import { RoleMap } from './role-tables';
import { signedRevisionDisagreement } from '../signed-revision-check';
import type { Modifications } from './types';

export type { Modifications, ChangeItem, ChangeKind } from './types';

/** most changed objects judged: beyond, the update is too complex to analyse */
export const CHANGED_CAP = 200_000;

function read(store: ObjectStore, num: number): { v: PdfValue | undefined; ok: boolean } {
  try {
    const v = store.get(num);
    return { v: v === null ? undefined : v, ok: true };
  } catch {
    return { v: undefined, ok: false };
  }
}

function isStructural(v: PdfValue | undefined): boolean {
  const d = v instanceof PdfStream ? v.dict : undefined;
  return isName(d?.get('Type'), 'XRef') || isName(d?.get('Type'), 'ObjStm');
}

export function analyseModifications(
  reader: PdfReader,
  revisionEnd: number,
  laterRevisions: number,
  /** the signature's own dictionary, for its FieldMDP locks */
  sigDict?: PdfDict,
  /** bounds: objects walked in the signed revision, changed objects judged */
  caps: { walk?: number; changed?: number } = {},
): Modifications {
  const old = reader.storeAt(revisionEnd);
  const now = reader.latest;
  const oldSections = reader.sections.filter((s) => s.end <= revisionEnd);
  const oldSection = oldSections[0]!;
  const oldTrailer = oldSection.trailer;
  // the signed revision must be what its own bytes show, not a view through a section hidden inside them
  const differ = safe(() => signedRevisionDisagreement(reader, old, revisionEnd, oldSections), [0]);
  if (differ && differ.length > 0) {
    const ctx = new DiffContext(reader, old, now, new RoleMap(), undefined, () => true);
    ctx.deny(
      'object',
      'xref-history',
      msg(
        {
          it: 'la versione firmata, letta dai soli byte firmati, ha {k} oggetti diversi da come il file la legge ora (il primo: {n}): riferimenti incrociati nascosti o ricostruiti',
          en: 'the signed version read from the signed bytes alone has {k} objects other than the file now reads there (first: {n}): hidden or rebuilt cross-reference',
        },
        { k: differ.length, n: differ[0]! },
      ),
      { object: differ[0] },
    );
    return summary(ctx, laterRevisions);
  }
  const oldRoot = oldTrailer.get('Root');
  const oldCatalog = read(old, oldRoot instanceof PdfRef ? oldRoot.num : -1).v;
  let oldPages: PdfRef[] = [];
  try {
    oldPages = revisionPageRefs(reader, old, asDict(oldCatalog) ?? new PdfDict());
  } catch {
    oldPages = [];
  }
  // set one by one (no pair per page): a number listed twice keeps its last page, as Map's constructor does
  const pageOf = new Map<number, number>();
  oldPages.forEach((r, i) => pageOf.set(r.num, i + 1));
  // a later signed revision is analysed only when a revision follows it: with one later revision, no other
  // analysis can take parts of this walk
  const walk = revisionRoles(
    reader,
    old,
    oldTrailer,
    oldPages,
    pageOf,
    caps.walk ?? WALK_CAP,
    laterRevisions > 1,
  );
  const catalog = asDict(oldCatalog);
  const ctx = new DiffContext(
    reader,
    old,
    now,
    walk.roles,
    // unreadable permissions: the strictest (P=1, every field locked)
    catalog ? safe(() => docMdpPermission(old, catalog), 1) : undefined,
    safe(
      () => lockedFields(old, sigDict),
      () => true,
    ),
    locksFields(old, sigDict),
  );
  const newer = reader.sections.filter((s) => s.end > revisionEnd).map((s) => s.entries);
  const changed = changedBetweenStores(
    { get: (n) => old.entry(n) },
    { get: (n) => now.entry(n) },
    newer,
    reader.sections.filter((s) => mayHoldMembers(reader, s)),
  );
  if (walk.truncated || changed.length > (caps.changed ?? CHANGED_CAP)) {
    ctx.deny(
      'too-complex',
      'bounds',
      msg({ it: 'documento troppo complesso da analizzare', en: 'document too complex to analyse' }),
    );
    return summary(ctx, laterRevisions);
  }
  const newRoot = reader.trailer.get('Root');
  if (!(newRoot instanceof PdfRef) || !(oldRoot instanceof PdfRef) || newRoot.num !== oldRoot.num) {
    ctx.deny('object', 'catalog', msg({ it: 'catalogo sostituito', en: 'catalog replaced' }));
  }
  judgeEncryption(ctx, oldSections, reader.sections);
  judgeHybridShadows(
    ctx,
    reader.sections.filter((s) => s.end > revisionEnd),
  );
  const dangling: { num: number; roles: Role[]; page: number | undefined }[] = [];
  for (const num of changed) {
    const roles = walk.roles.get(num);
    const before = read(old, num);
    const after = read(now, num);
    if (!roles) {
      // not used by the signed document: new objects matter only where a judged change references them
      if (before.v === undefined || isStructural(before.v)) continue;
      if (after.ok && safe(() => sameValue(reader, before.v, after.v), false)) continue;
      ctx.deny(
        'object',
        'object',
        msg(
          {
            it: 'oggetto {n} della versione firmata ridefinito',
            en: 'object {n} of the signed version redefined',
          },
          { n: num },
        ),
        { object: num },
      );
      continue;
    }
    const page = roles.find((r) => r.page !== undefined)?.page;
    if (!after.ok || after.v === undefined) {
      unreadable(ctx, num, page);
      continue;
    }
    if (before.v === undefined) {
      dangling.push({ num, roles, page });
      continue;
    }
    if (safe(() => sameValue(reader, before.v, after.v), false)) continue;
    try {
      const judged = ctx.items.length;
      judgeObject(ctx, num, roles, before.v, after.v);
      // a stream changed that no rule spoke for (a field rule sees a stream's keys, not its bytes) is refused
      if (ctx.items.length === judged && before.v instanceof PdfStream) unexplained(ctx, num, page);
    } catch {
      // a broken value (stream beyond the end, reference loop): never a permitted change
      unreadable(ctx, num, page);
    }
  }
  for (const d of dangling) judgeDangling(ctx, d.num, d.roles, d.page);
  judgePageList(ctx, oldPages, pageOf);
  // last: every read above may have found a damaged entry
  // (files that needed no repair: nothing walked, no list of the 10 000 numbers made)
  judgeRebuiltView(ctx, reader, walk.roles, changed, revisionEnd);
  return summary(ctx, laterRevisions);
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
