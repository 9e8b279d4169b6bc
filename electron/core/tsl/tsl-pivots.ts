/**
 * The LOTL and its signing keys. The LOTL is first checked with the configured signers (Official Journal set or
 * SIGILLO_LOTL_TRUST). When the Commission has changed keys since (https://ec.europa.eu/tools/lotl/pivot-lotl-explanation.html),
 * the LOTL lists "pivot LOTLs" in SchemeInformationURI, newest first: each pivot is verified with the keys trusted
 * so far, oldest first, and its pointer to the LOTL itself announces the keys trusted next; the current LOTL must
 * verify with the keys of the newest pivot.
 */
import { SigilloError } from '../errors';
import type { CachedList } from './tsl-cache';
import { downloadText, fetchVerifiedList, verifiedList } from './tsl-download';
import { parseTrustedList } from './tsl-parse';
import type { TrustedList } from './tsl-types';
import { signatureInvalid } from './xmldsig-verify';

/** The pivot LOTL addresses a (not yet verified) LOTL names, oldest first. */
export function pivotUrls(list: TrustedList, lotlUrl: string): string[] {
  return list.schemeInformationUris
    .filter((u) => /^https?:\/\//i.test(u) && u.toLowerCase().endsWith('.xml') && u !== lotlUrl)
    .reverse();
}

/** The certificates a LOTL announces for itself (its own OtherTSLPointer). */
export function selfAnnouncedSigners(list: TrustedList): Uint8Array[] {
  const self = list.pointers.filter(
    (p) => p.territory === list.territory || p.tslType.endsWith('listofthelists'),
  );
  return self.flatMap((p) => p.certificates.map((b64) => new Uint8Array(Buffer.from(b64, 'base64'))));
}

async function signersViaPivots(pivots: string[], initial: Uint8Array[]): Promise<Uint8Array[]> {
  let trusted = initial;
  for (const url of pivots) {
    const pivot = await fetchVerifiedList(url, trusted, `LOTL pivot ${url}`);
    trusted = selfAnnouncedSigners(pivot.list);
    if (trusted.length === 0)
      throw signatureInvalid(`LOTL pivot ${url}`, 'it announces no LOTL-signing certificate');
  }
  return trusted;
}

export interface VerifiedLotl {
  lotl: CachedList;
  /** pivot LOTLs followed to trust the current signing keys (empty when the configured signers sufficed) */
  pivots: string[];
}

/** Downloads the LOTL at `url` and verifies it with `signers`, following pivot LOTLs when needed. */
export async function fetchLotl(url: string, signers: Uint8Array[]): Promise<VerifiedLotl> {
  const xml = await downloadText(url);
  try {
    return { lotl: verifiedList(url, xml, signers, 'LOTL'), pivots: [] };
  } catch (e) {
    if (!(e instanceof SigilloError) || e.code !== 'TSL_SIGNATURE_INVALID') throw e;
    let pivots: string[];
    try {
      pivots = pivotUrls(parseTrustedList(xml), url);
    } catch {
      throw e;
    }
    if (pivots.length === 0) throw e;
    const current = await signersViaPivots(pivots, signers);
    return { lotl: verifiedList(url, xml, current, 'LOTL'), pivots };
  }
}
