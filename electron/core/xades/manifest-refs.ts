/**
 * The entries of a ds:Manifest a signature references (XMLDSig §5.1): the signature covers the manifest, not what
 * its entries point to, so — as the EU DSS validator does — an entry that cannot be found or does not match does
 * not make the signature invalid; it is reported, so the user knows which listed data are not confirmed.
 */
import { t } from '../i18n/translate';
import { checkReference, type ReferenceContext, type ReferenceResult } from '../xml/references';
import { MANIFEST_TYPE } from '../xml/reference-place';
import { NS } from '../xml/xml-names';
import { childElements } from '../xml/xml-safe';

/** at most this many manifest entries are checked per signature (the rest are only counted) */
const MAX_ENTRIES = 1000;

const M = {
  ok: { it: 'Voce del manifest "{uri}": corrisponde.', en: 'Manifest entry "{uri}": matches.' },
  bad: {
    it: 'Voce del manifest "{uri}" non confermata ({why}): la firma copre il manifest, non questo dato.',
    en: 'Manifest entry "{uri}" not confirmed ({why}): the signature covers the manifest, not these data.',
  },
  digest: { it: 'impronta diversa', en: 'digest mismatch' },
  skipped: {
    it: '{n} voci del manifest non controllate (oltre il massimo di {max}).',
    en: '{n} manifest entries not checked (over the maximum of {max}).',
  },
};

/** Messages for the entries of every intact Manifest-typed reference of `refs`. */
export async function manifestMessages(refs: ReferenceResult[], ctx: ReferenceContext): Promise<string[]> {
  const out: string[] = [];
  let checked = 0;
  for (const r of refs) {
    if (r.type !== MANIFEST_TYPE || !r.digestOk || r.target.kind !== 'element') continue;
    for (const entry of childElements(r.target.element, NS.ds, 'Reference')) {
      if (++checked > MAX_ENTRIES) continue;
      const e = await checkReference(entry, { ...ctx, manifestEntry: true });
      out.push(
        e.digestOk ? t(M.ok, { uri: e.uri }) : t(M.bad, { uri: e.uri, why: e.problem ?? t(M.digest) }),
      );
    }
  }
  if (checked > MAX_ENTRIES) out.push(t(M.skipped, { n: checked - MAX_ENTRIES, max: MAX_ENTRIES }));
  return out;
}
