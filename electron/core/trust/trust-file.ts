/** Trust anchors from files given with --trust: PEM (one or many certificates) or DER. */
import { readFile } from 'node:fs/promises';
import { regularInput } from '../files/file-kind';
import { X509Certificate } from 'node:crypto';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { pemToDers } from '../x509/pem';
import type { TrustAnchor, TrustSource } from './trust-source';

const BAD_TRUST_FILE = {
  it: 'Il file di certificati fidati {file} non contiene certificati leggibili (PEM o DER).',
  en: 'The trusted-certificates file {file} holds no readable certificate (PEM or DER).',
};

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
    throw new SigilloError('TRUST_FILE_UNREADABLE', t(BAD_TRUST_FILE, { file: path }), { file: path });
  }
  const certs = certificatesFromBytes(bytes);
  if (certs.length === 0) {
    throw new SigilloError('TRUST_FILE_UNREADABLE', t(BAD_TRUST_FILE, { file: path }), { file: path });
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
