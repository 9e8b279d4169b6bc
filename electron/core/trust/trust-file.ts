/** Trust anchors from files given with --trust: PEM (one or many certificates) or DER. */
import { readFile } from 'node:fs/promises';
import { regularInput } from '../files/file-kind';
import { X509Certificate } from 'node:crypto';
import { failure } from '../errors';
import { pemToDers } from '../x509/pem';
import type { TrustAnchor, TrustSource } from './trust-source';

/** Every certificate of a PEM bundle, or the single DER certificate. */
export function certificatesFromBytes(bytes: Uint8Array): Uint8Array[] {
  const pems = pemToDers(Buffer.from(bytes).toString('latin1'));
  const candidates = pems.length > 0 ? pems : [bytes];
  return candidates.filter((der) => {
    try {
      new X509Certificate(der);
      return true;
    } catch {
      return false;
    }
  });
}

export async function readTrustFile(path: string): Promise<TrustAnchor[]> {
  let bytes: Uint8Array;
  try {
    await regularInput(path); // a FIFO or device would block the read
    bytes = await readFile(path);
  } catch {
    throw failure('TRUST_FILE_UNREADABLE', { file: path });
  }
  const certs = certificatesFromBytes(bytes);
  if (certs.length === 0) {
    throw failure('TRUST_FILE_UNREADABLE', { file: path });
  }
  return certs.map((der) => ({ der, source: `file:${path}` }));
}

export function fileTrustSource(paths: string[]): TrustSource {
  let loaded: Promise<TrustAnchor[]> | undefined;
  return {
    name: 'files',
    anchors() {
      loaded ??= Promise.all(paths.map(readTrustFile)).then((all) => all.flat());
      return loaded;
    },
  };
}
