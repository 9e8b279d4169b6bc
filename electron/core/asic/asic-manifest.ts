/**
 * ASiCManifest (ETSI EN 319 162-1 §A.4): which CAdES signature (SigReference) covers which files
 * (DataObjectReference URI + digest). The digests are checked against the container entries.
 */
import { createHash } from 'node:crypto';
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

export async function readManifest(
  bytes: Uint8Array,
  read: (name: string) => Promise<Uint8Array | undefined>,
): Promise<AsicManifest | undefined> {
  const root = parseXml(decodeXml(bytes)).documentElement;
  if (root.localName !== 'ASiCManifest' || root.namespaceURI !== NS.asic) return undefined;
  const sig = firstChild(root, NS.asic, 'SigReference')?.getAttribute('URI');
  if (!sig) return undefined;
  const references: ManifestReference[] = [];
  for (const ref of childElements(root, NS.asic, 'DataObjectReference')) {
    const name = uriName(ref.getAttribute('URI') ?? '');
    const hash = DIGEST_BY_URI[firstChild(ref, NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? ''];
    const content = await read(name);
    const expected = base64Of(firstChild(ref, NS.ds, 'DigestValue'));
    const digestOk = !!hash && !!content && createHash(hash).update(content).digest().equals(expected);
    references.push({ name, digestOk });
  }
  return { signature: uriName(sig), references };
}
