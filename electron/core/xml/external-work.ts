/**
 * The work spent on referenced files (detached XAdES: files beside the XML; ASiC: container entries), shared by
 * every reference of every signature of a document or container: a file's digest is computed once per digest
 * algorithm and reused (a hundred references to one big entry cost one inflation and one hash, not a hundred),
 * and every octet read and digested afresh is charged to one budget (MAX_EXTERNAL_OCTETS), so no number of
 * references or signatures makes the verification last: past the budget the file is refused.
 */
import { digestBytes, type HashName } from '../cms/algorithm-oids';
import { MAX_EXTERNAL_OCTETS, tooMuchFileWork } from './xml-limits';

export type FileReader = (name: string) => Promise<Uint8Array | undefined>;

export interface ExternalWork {
  /** digests of whole files, by algorithm and name */
  digests: Map<string, Buffer>;
  /** octets still allowed to be read and digested */
  left: number;
}

export function newExternalWork(max = MAX_EXTERNAL_OCTETS): ExternalWork {
  return { digests: new Map(), left: max };
}

/** Charges `octets` read or transformed afresh; throws XML_TOO_COMPLEX past the budget. */
export function chargeExternal(work: ExternalWork, octets: number): void {
  work.left -= octets;
  if (work.left < 0) throw tooMuchFileWork();
}

const keyOf = (algorithm: HashName, name: string): string => `${algorithm}\n${name}`;

/** The `algorithm` digest of `bytes`, the content of the file `name`: computed once, charged the first time. */
export function contentDigest(
  work: ExternalWork,
  name: string,
  algorithm: HashName,
  bytes: Uint8Array,
): Buffer {
  const key = keyOf(algorithm, name);
  const known = work.digests.get(key);
  if (known) return known;
  chargeExternal(work, bytes.length);
  const digest = digestBytes(algorithm, bytes);
  work.digests.set(key, digest);
  return digest;
}

/** The `algorithm` digest of the file `name` as read (no transform), computed once; undefined when not found. */
export async function fileDigest(
  work: ExternalWork,
  name: string,
  algorithm: HashName,
  read: FileReader,
): Promise<Buffer | undefined> {
  const known = work.digests.get(keyOf(algorithm, name));
  if (known) return known;
  const bytes = await read(name);
  return bytes ? contentDigest(work, name, algorithm, bytes) : undefined;
}
