/**
 * ASiCManifest (ETSI EN 319 162-1 §A.4): which CAdES signature (SigReference) covers which files
 * (DataObjectReference URI + digest). The digests are checked against the container entries.
 */
import { failure } from '../errors';
import { fileDigest, type ExternalWork, type FileReader } from '../xml/external-work';
import { NS, DIGEST_BY_URI } from '../xml/xml-names';
import { base64Of, childElements, decodeXml, firstChild, parseXml } from '../xml/xml-safe';

export interface ManifestReference {
  name: string;
  digestOk: boolean;
}

export interface AsicManifest {
  /** the signature file that signs this manifest, e.g. META-INF/signature001.p7s */
  signature: string;
  references: ManifestReference[];
}

function uriName(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** DataObjectReference elements in one manifest: no more than the files a container may hold (zip-reader.ts) */
export const MAX_MANIFEST_REFERENCES = 1000;

/** The manifest in `bytes` with its digests checked (each file digested once per algorithm for the container). */
export async function readManifest(
  bytes: Uint8Array,
  read: FileReader,
  work: ExternalWork,
): Promise<AsicManifest | undefined> {
  const root = parseXml(decodeXml(bytes)).documentElement;
  if (root.localName !== 'ASiCManifest' || root.namespaceURI !== NS.asic) return undefined;
  const sig = firstChild(root, NS.asic, 'SigReference')?.getAttribute('URI');
  if (!sig) return undefined;
  const refs = childElements(root, NS.asic, 'DataObjectReference');
  if (refs.length > MAX_MANIFEST_REFERENCES) {
    throw failure('XML_TOO_COMPLEX:manifest', { found: refs.length, n: MAX_MANIFEST_REFERENCES });
  }
  const references: ManifestReference[] = [];
  for (const ref of refs) {
    const name = uriName(ref.getAttribute('URI') ?? '');
    const hash = DIGEST_BY_URI[firstChild(ref, NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? ''];
    const digest = hash ? await fileDigest(work, name, hash, read) : undefined;
    const expected = base64Of(firstChild(ref, NS.ds, 'DigestValue'));
    const digestOk = !!digest && digest.equals(expected);
    references.push({ name, digestOk });
  }
  return { signature: uriName(sig), references };
}
