/**
 * The certificates allowed to sign the LOTL: SIGILLO_LOTL_TRUST (a PEM file that replaces the built-in set) or
 * the built-in Official Journal set in lotl-signers.json. They are trust anchors for the XML signature of the LOTL
 * only: their public keys are used whatever the certificates' validity period (as DSS does with its OJ keystore),
 * and the current LOTL is reached from them through the pivot LOTLs (tsl-pivots.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failure } from '../errors';
import { certificatesFromBytes } from '../trust/trust-file';
import { pemToDers } from '../x509/pem';

/** One certificate of an Official Journal notice, as recorded in lotl-signers.json. */
export interface OfficialJournalCertificate {
  number: number;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER, lowercase hex */
  sha256: string;
  pem: string;
}

export interface SignersFile {
  description: string;
  lotlUrl: string;
  sources: string[];
  note: string;
  certificates: OfficialJournalCertificate[];
}

export const DEFAULT_LOTL_URL = 'https://ec.europa.eu/tools/lotl/eu-lotl.xml';

export function lotlUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIGILLO_LOTL_URL || DEFAULT_LOTL_URL;
}

export function readSignersFile(): SignersFile {
  return JSON.parse(readFileSync(join(__dirname, 'lotl-signers.json'), 'utf8')) as SignersFile;
}

/** The DER of one recorded certificate, refused (LOTL_TRUST_CORRUPT) when it does not match its fingerprint. */
export function officialJournalDer(c: OfficialJournalCertificate): Uint8Array {
  const ders = pemToDers(c.pem);
  const der = ders[0];
  const digest = der ? createHash('sha256').update(der).digest('hex') : '';
  if (ders.length !== 1 || digest !== c.sha256.toLowerCase()) {
    throw failure('LOTL_TRUST_CORRUPT', { number: c.number });
  }
  return der as Uint8Array;
}

export function builtInSigners(): { certificates: Uint8Array[]; sources: string[] } {
  const file = readSignersFile();
  return { certificates: file.certificates.map(officialJournalDer), sources: file.sources };
}

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
      throw failure('LOTL_TRUST_UNREADABLE', { file: path });
    }
    const certificates = certificatesFromBytes(bytes);
    if (certificates.length === 0) {
      throw failure('LOTL_TRUST_UNREADABLE', { file: path });
    }
    return { certificates, origin: `file:${path}` };
  }
  const builtIn = builtInSigners();
  if (builtIn.certificates.length === 0) throw failure('LOTL_TRUST_MISSING');
  return { certificates: builtIn.certificates, origin: 'official-journal' };
}
