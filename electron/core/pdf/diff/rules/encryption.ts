/**
 * The security handler after signing (ISO 32000-1 §7.6): the reader decrypts every revision with the newest
 * /Encrypt and the newest first /ID element — the file key depends on both (§7.6.3.3) — so an update that adds,
 * removes or changes either changes what the signed revision's strings and streams read as (a signed plain
 * value "decrypted" through an added AES handler). Refused, as pyHanko refuses a changed security handler; an
 * honest update repeats both unchanged (§7.5.6). The trailers themselves are not walked (roles.ts TRAILER_SKIP).
 */
import { asArray, PdfRef, type PdfValue } from '../../pdf-objects';
import type { ObjectStore } from '../../pdf-reader';
import { sameValue } from '../../pdf-diff';
import type { XrefSection } from '../../xref';
import { msg, type DiffContext } from '../context';

interface TrailerEntry {
  /** named by the revision's own newest trailer (what pdf.js and qpdf read) */
  named: boolean;
  /** the newest trailer's value that names it (what Sigillo's reader reads) */
  value: PdfValue | undefined;
}

function entry(sections: XrefSection[], key: string): TrailerEntry {
  return {
    named: sections[0]?.trailer.has(key) ?? false,
    value: sections.find((s) => s.trailer.has(key))?.trailer.get(key),
  };
}

function sameEncrypt(ctx: DiffContext, a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a instanceof PdfRef || b instanceof PdfRef) {
    if (!(a instanceof PdfRef && b instanceof PdfRef) || a.num !== b.num || a.gen !== b.gen) return false;
    return sameValue(ctx.reader, read(ctx.old, a.num), read(ctx.now, b.num));
  }
  return sameValue(ctx.reader, a, b);
}

function read(store: ObjectStore, num: number): PdfValue | undefined {
  return store.get(num) ?? undefined;
}

export function judgeEncryption(
  ctx: DiffContext,
  oldSections: XrefSection[],
  newSections: XrefSection[],
): void {
  const [encOld, encNew] = [entry(oldSections, 'Encrypt'), entry(newSections, 'Encrypt')];
  const [idOld, idNew] = [entry(oldSections, 'ID'), entry(newSections, 'ID')];
  let same: boolean;
  try {
    same =
      encOld.named === encNew.named &&
      sameEncrypt(ctx, encOld.value, encNew.value) &&
      (encOld.value === undefined ||
        (idOld.named === idNew.named &&
          sameValue(ctx.reader, asArray(idOld.value)?.[0], asArray(idNew.value)?.[0])));
  } catch {
    // an unreadable /Encrypt: no proof that the signed revision reads as signed
    same = false;
  }
  if (same) return;
  ctx.deny(
    'object',
    'encryption',
    msg({
      it: 'cifratura del documento aggiunta, tolta o cambiata dopo la firma (/Encrypt o primo /ID del trailer): la versione firmata non si legge più come è stata firmata',
      en: 'document encryption added, removed or changed after signing (trailer /Encrypt or first /ID): the signed version no longer reads as it was signed',
    }),
  );
}
