/**
 * Whose signature it is (ISO 32000-1 §12.7.4.5, §12.8.1): a signature dictionary belongs to the field that held
 * it in the revision its /ByteRange signs. A later update may add a field whose /V is a copy of a signed
 * dictionary (same /ByteRange and /Contents, inline or as a new object, with a /Reason of its own): its CMS
 * verifies, yet it signs nothing about that field. A signature counts only when, in the revision it signs, its
 * field (the same full name, or the same field object) holds as /V the dictionary the signed /Contents gap lies
 * in, and one /Contents counts as one signature, however many fields repeat it. The field pointed at a copy of
 * its own dictionary later (DSS's pdf-spoofing-attack) keeps its signature: that change is the analysis's.
 */
import { t } from '../i18n/translate';
import { asDict, PdfRef } from './pdf-objects';
import type { ObjectStore, PdfReader } from './pdf-reader';
import type { PdfSignatureInfo } from './pdf-signatures';
import { allFields, type FieldNode } from './form-fields';
import { revisionEnds } from './byte-range-check';
import { objectHoldingGap, sameSignatureDict } from './signed-dict';

/** the revision a well-formed /ByteRange ends at (its end offset), undefined when none */
function signedRevisionEnd(reader: PdfReader, sig: PdfSignatureInfo): number | undefined {
  const br = sig.byteRange;
  if (br.length !== 4 || !br.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  const signedEnd = br[2]! + br[3]!;
  return revisionEnds(reader.sections).find((r) => signedEnd >= r.eof && signedEnd <= r.end)?.end;
}

interface SignedForm {
  store: ObjectStore;
  /** its signature fields */
  fields: FieldNode[];
}

/** the revision ending at `end` and its signature fields */
function signedForm(reader: PdfReader, end: number): SignedForm {
  const store = reader.storeAt(end);
  const trailer = reader.sections.find((s) => s.end <= end)?.trailer;
  const form = store.dict(store.dict(trailer?.get('Root'))?.get('AcroForm'));
  return { store, fields: allFields(store, form).filter((f) => f.type === 'Sig') };
}

/**
 * the field of the signed revision whose /V is the dictionary the /Contents gap lies in (its own object, or
 * written inline, the field's) is this signature's field — the same full name, or the same field object renamed
 * later — and that dictionary has this signature's /ByteRange and /Contents
 */
function heldWhenSigned(reader: PdfReader, sig: PdfSignatureInfo, end: number, signed: SignedForm): boolean {
  const sections = reader.sections.filter((s) => s.end <= end);
  const holder = objectHoldingGap(reader.src, sections, sig.byteRange[0]! + sig.byteRange[1]!);
  if (!holder) return false;
  const entry = signed.store.entry(holder.num);
  if (entry?.type !== 'offset' || entry.offset !== holder.offset) return false;
  return signed.fields.some((f) => {
    if (f.fullName !== sig.fieldName && (f.ref === undefined || f.ref.num !== sig.fieldObject)) return false;
    const v = f.dict.get('V');
    if (v instanceof PdfRef) return v.num === holder.num && sameSignatureDict(holder.value, sig);
    return f.ref?.num === holder.num && sameSignatureDict(asDict(holder.value)?.get('V'), sig);
  });
}

/**
 * Per signature (in `sigs` order), the reasons it is no signature of this document: [] when it is one, or when
 * its /ByteRange is malformed or ends at no revision (checkByteRange reports those).
 */
export function ownershipProblems(reader: PdfReader, sigs: PdfSignatureInfo[]): string[][] {
  const forms = new Map<number, SignedForm | undefined>();
  const owned = sigs.map((sig) => {
    const end = signedRevisionEnd(reader, sig);
    if (end === undefined) return true;
    try {
      if (!forms.has(end)) forms.set(end, signedForm(reader, end));
      const signed = forms.get(end);
      return signed !== undefined && heldWhenSigned(reader, sig, end, signed);
    } catch {
      // an unreadable signed form holds no signature
      forms.set(end, undefined);
      return false;
    }
  });
  const firstWith = new Map<string, PdfSignatureInfo>();
  return sigs.map((sig, i) => {
    const f = sig.fieldName;
    if (!owned[i]) {
      return [
        t(
          {
            it: 'La firma del campo «{f}» non è una firma di questo documento: nella versione che dice di firmare, quel campo non contiene questo dizionario di firma (ad esempio una copia di un’altra firma aggiunta dopo).',
            en: 'The signature of field "{f}" is not a signature of this document: in the version it claims to sign, that field does not hold this signature dictionary (for instance a copy of another signature added later).',
          },
          { f },
        ),
      ];
    }
    if (sig.contents.length === 0) return [];
    const key = Buffer.from(sig.contents).toString('base64');
    const first = firstWith.get(key);
    if (!first) {
      firstWith.set(key, sig);
      return [];
    }
    return [
      t(
        {
          it: 'La firma del campo «{f}» ripete quella del campo «{g}»: una firma conta una volta sola.',
          en: 'The signature of field "{f}" repeats the one of field "{g}": a signature counts only once.',
        },
        { f, g: first.fieldName },
      ),
    ];
  });
}
