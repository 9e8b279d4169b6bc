/**
 * A signature value set after signing whose /ByteRange signs a revision up to the signed one (ISO 32000-1
 * §12.8.1: a signature dictionary belongs to the field that held it in the revision it signs; a later signature
 * signs its own revision, which ends after this one): a copy of a signed dictionary placed inline or as a new
 * object in a new field, showing the first signer "signing" whatever that field draws. A /ByteRange ending at
 * no revision end is a signature that fails on its own (byte-range-check.ts), as is a copy of the /Contents
 * alone with other ranges (and a repeated /Contents counts once: signature-owner.ts).
 */
import { asArray, asNumber, type PdfDict } from '../../pdf-objects';
import { revisionEnds } from '../../byte-range-check';
import type { DiffContext } from '../context';

/** the new signature dictionary `d` claims to sign the signed revision or an earlier one */
export function copiesSignedSignature(ctx: DiffContext, d: PdfDict): boolean {
  try {
    const now = ctx.now;
    const br = (asArray(now.resolve(d.get('ByteRange'))) ?? []).map((x) => asNumber(now.resolve(x)));
    const [start, length] = br.slice(-2);
    if (start === undefined || length === undefined) return false;
    const end = start + length;
    return revisionEnds(ctx.reader.sections).some(
      (r) => r.end <= ctx.old.end && end >= r.eof && end <= r.end,
    );
  } catch {
    // an unreadable /ByteRange: no revision it could sign, the signature fails on its own
    return false;
  }
}
