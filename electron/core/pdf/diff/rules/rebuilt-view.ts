/**
 * A damaged cross-reference — an entry pointing at another object or past the end, or naming another generation
 * than the object's header — makes viewers rebuild the whole table by scanning: poppler, pdf.js and qpdf then take
 * the last `N G obj` of the file for every object, while Sigillo's reader repairs only the entries it reads. So
 * when the file needed any repair, every object the signed revision used or a later update changed must be, in
 * the view the analysis judged, that last definition; else a viewer shows another object than the one judged (a
 * redefinition no entry lists, appended after signing, with one entry broken on purpose).
 */
import type { PdfReader } from '../../pdf-reader';
import { sameValue } from '../../pdf-diff';
import { msg, type DiffContext } from '../context';
import type { RoleMap } from '../role-tables';

function* chain(a: Iterable<number>, b: Iterable<number>): Iterable<number> {
  yield* a;
  yield* b;
}

/**
 * the object a viewer's rebuild reads for `num` agrees with the one the analysis judged: the same value when
 * both have one (an honest but sloppy table repaired entry by entry reads the same objects as a rebuild)
 */
function agrees(ctx: DiffContext, reader: PdfReader, num: number, revisionEnd: number): boolean {
  const { objects, index } = reader.definitions();
  const list = index.get(num);
  if (!list || list.length === 0) return true; // no `num G obj` in the file: a rebuild has nothing else
  const k = list[list.length - 1]!;
  const last = objects.offsets[k]!;
  const e = ctx.now.entry(num);
  if (e?.type === 'offset' && e.offset === last) return true; // the very definition a rebuild takes
  if (e?.type === 'compressed') {
    // a member of an object stream: only a plain definition after that stream may stand in for it
    const stm = ctx.now.entry(e.stream);
    if (stm?.type === 'offset' && last < stm.offset) return true;
  } else if (e?.type !== 'offset') {
    // deleted or never defined in the judged view: a rebuild must find nothing written after signing
    return last < revisionEnd;
  }
  try {
    return sameValue(reader, ctx.now.get(num), reader.readObject(last, num, objects.gens[k]!));
  } catch {
    return false;
  }
}

/** `used`: the objects the signed revision used; `changed`: those the later updates changed */
export function judgeRebuiltView(
  ctx: DiffContext,
  reader: PdfReader,
  used: RoleMap,
  changed: readonly number[],
  revisionEnd: number,
): void {
  if (!reader.repaired && !reader.reconstructed) return;
  for (const num of chain(used.numbers(), changed)) {
    if (agrees(ctx, reader, num, revisionEnd)) continue;
    ctx.deny(
      'object',
      'xref-history',
      msg(
        {
          it: 'riferimenti incrociati danneggiati: un visualizzatore li ricostruisce e legge l’oggetto {n} da un’altra definizione nel file, non da quella esaminata',
          en: 'damaged cross-reference: a viewer rebuilds it and reads object {n} from another definition in the file than the one examined',
        },
        { n: num },
      ),
      { object: num },
    );
    return;
  }
}
