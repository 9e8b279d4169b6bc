/**
 * The FileVerifier for XML files (format "xades"): chosen by content (an XML declaration or start tag), whatever
 * the extension. Detached references are read from files beside the signature (same folder or below it: no
 * absolute paths, no '..', no URL schemes).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { fileError } from '../files/input-file';
import type { FileVerifier } from '../verify/file-types';
import type { ExternalResolver } from '../xml/references';
import { verifyXmlDocument } from './verify-xml-document';
import { tooLarge } from '../xml/xml-limits';
import { looksLikeXml, MAX_XML_BYTES } from '../xml/xml-safe';

/** Detached content files larger than this are not read (reported as not found). */
export const MAX_DETACHED_BYTES = 512 * 1024 * 1024;

/** A resolver reading referenced files from `folder` only. */
export function besideResolver(folder: string): ExternalResolver {
  return async (uri) => {
    if (uri.includes(':') || isAbsolute(uri)) return undefined;
    const rel = normalize(uri);
    if (rel.split(sep).includes('..') || rel.split('/').includes('..')) return undefined;
    const full = join(folder, rel);
    const st = await stat(full).catch(() => undefined);
    if (!st?.isFile() || st.size > MAX_DETACHED_BYTES) return undefined;
    return readFile(full);
  };
}

export async function readXmlFile(path: string): Promise<Buffer> {
  const st = await stat(path).catch((e: unknown) => {
    throw fileError(e, path);
  });
  if (st.size > MAX_XML_BYTES) throw tooLarge(MAX_XML_BYTES);
  return readFile(path).catch((e: unknown) => {
    throw fileError(e, path);
  });
}

export const xadesFileVerifier: FileVerifier = {
  name: 'xades',
  matches: (head) => looksLikeXml(head),
  async verify(path, opts) {
    const bytes = await readXmlFile(path);
    const r = await verifyXmlDocument(bytes, { ...opts, external: besideResolver(dirname(path)) });
    return {
      format: 'xades',
      signatures: r.signatures.map((s) => s.report),
      ...(r.fatturapa ? { fatturapa: r.fatturapa } : {}),
    };
  },
};
