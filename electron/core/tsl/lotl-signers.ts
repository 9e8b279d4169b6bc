/**
 * The certificates allowed to sign the LOTL: SIGILLO_LOTL_TRUST (a PEM file that replaces the built-in set) or
 * the built-in Official Journal set in lotl-signers.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { certificatesFromBytes } from '../trust/trust-file';
import { pemToDers } from '../x509/pem';

interface SignersFile {
  sources: string[];
  note?: string;
  certificates: string[];
}

export const DEFAULT_LOTL_URL = 'https://ec.europa.eu/tools/lotl/eu-lotl.xml';

export function lotlUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIGILLO_LOTL_URL || DEFAULT_LOTL_URL;
}

export function builtInSigners(): { certificates: Uint8Array[]; sources: string[] } {
  const file = JSON.parse(readFileSync(join(__dirname, 'lotl-signers.json'), 'utf8')) as SignersFile;
  return { certificates: file.certificates.flatMap((pem) => pemToDers(pem)), sources: file.sources };
}

const UNREADABLE = {
  it: 'SIGILLO_LOTL_TRUST: il file {file} non contiene certificati leggibili (PEM).',
  en: 'SIGILLO_LOTL_TRUST: the file {file} holds no readable certificate (PEM).',
};

const MISSING = {
  it: 'Nessun certificato per verificare la lista europea (LOTL): indicare in SIGILLO_LOTL_TRUST un file PEM con i certificati pubblicati nella Gazzetta ufficiale dell’UE.',
  en: 'No certificate to verify the EU list of trusted lists (LOTL): set SIGILLO_LOTL_TRUST to a PEM file with the certificates published in the Official Journal of the EU.',
};

/** The LOTL-signing certificates (DER) and where they come from. */
export function lotlSigners(env: NodeJS.ProcessEnv = process.env): {
  certificates: Uint8Array[];
  origin: string;
} {
  const path = env.SIGILLO_LOTL_TRUST;
  if (path) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new SigilloError('LOTL_TRUST_UNREADABLE', t(UNREADABLE, { file: path }), { file: path });
    }
    const certificates = certificatesFromBytes(bytes);
    if (certificates.length === 0) {
      throw new SigilloError('LOTL_TRUST_UNREADABLE', t(UNREADABLE, { file: path }), { file: path });
    }
    return { certificates, origin: `file:${path}` };
  }
  const builtIn = builtInSigners();
  if (builtIn.certificates.length === 0) throw new SigilloError('LOTL_TRUST_MISSING', t(MISSING));
  return { certificates: builtIn.certificates, origin: 'official-journal' };
}
