/**
 * The signed-roles walk of each signed revision, from the walk of an earlier one where provably the same (issue
 * 22): a file signed three times walks its 10 000 objects for the first analysis, and the next analysis takes
 * every part of that walk whose objects the updates in between did not touch (walk-log.ts says exactly when).
 * Only with the fast paths on (the reader shares parsed objects) and never after an object was found by
 * scanning (it may differ by revision); SIGILLO_NO_FAST=1 walks every revision in full.
 */
import type { PdfDict, PdfRef } from '../pdf-objects';
import type { ObjectStore, PdfReader } from '../pdf-reader';
import { signedRoles, type SignedRoles } from './roles';
import type { RoleMap } from './role-tables';
import { dirtyCounts, WalkLog, WalkReplay } from './walk-log';
import { changedBetween } from '../revision-changes';

interface LoggedWalk {
  end: number;
  pages: PdfRef[];
  log: WalkLog;
  roles: RoleMap;
}

/** the first complete walk per reader: the later ones are compared with it */
const logged = new WeakMap<PdfReader, LoggedWalk>();

function samePages(a: PdfRef[], b: PdfRef[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.num !== b[i]!.num) return false;
  return true;
}

/** signedRoles(store, trailer, pageOf, cap), from the reader's first walk where provably the same */
export function revisionRoles(
  reader: PdfReader,
  store: ObjectStore,
  trailer: PdfDict,
  pages: PdfRef[],
  pageOf: Map<number, number>,
  cap: number,
  /** false when no later analysis can take parts of this walk (no log kept: it costs the walk ~15 %) */
  logWanted = true,
): SignedRoles {
  if (!reader.shareParsed || reader.repaired) return signedRoles(store, trailer, pageOf, cap);
  const first = logged.get(reader);
  if (first) {
    if (first.end === store.end || !samePages(first.pages, pages))
      return signedRoles(store, trailer, pageOf, cap);
    const dirty = dirtyCounts(first.log, changedBetween(reader, first.end, store.end));
    return signedRoles(store, trailer, pageOf, cap, {
      replay: new WalkReplay(first.log, first.roles, dirty),
    });
  }
  if (!logWanted) return signedRoles(store, trailer, pageOf, cap);
  const log = new WalkLog();
  const walk = signedRoles(store, trailer, pageOf, cap, { log });
  if (!walk.truncated && !reader.repaired)
    logged.set(reader, { end: store.end, pages, log, roles: walk.roles });
  return walk;
}
