/**
 * What a signing batch asks for, and the checks that fail before the card is touched: the level (B, T, LT, LTA),
 * the TSA for T and above, counter-signing, detached CAdES (.p7s). The front ends (CLI, worker) only translate
 * their options into a SignPolicy; sign-one-file.ts applies it to each file.
 */
import type { DigestName } from '../crypto/key-signer';
import { SigilloError, failure } from '../errors';
import type { PadesFileOptions } from './pades-file';
import { tsaError } from '../tsa/tsa-errors';
import type { TsaConfig } from '../tsa/tsa-config';
import { routeFormat, type RequestedFormat, type SignFormat } from './format-routing';

/**
 * B: the plain signature; T: with a signature timestamp (CAdES-T / PAdES-B-T); LT: also the certificates and
 * CRLs (p7m: in the signature; PDF: a DSS); LTA: also an archive timestamp (p7m) / a document timestamp (PDF).
 */
export type SignLevel = 'B' | 'T' | 'LT' | 'LTA';
export const SIGN_LEVELS: readonly SignLevel[] = ['B', 'T', 'LT', 'LTA'];

export interface SignPolicy {
  format: RequestedFormat;
  digest: DigestName;
  /** default: beside each input */
  outputDir?: string;
  overwrite: boolean;
  /** an existing output: write the first free "NAME (2).ext" instead (output-plan.ts) */
  rename?: boolean;
  /** CAdES: wrap an existing p7m in a new one instead of adding a parallel signature */
  nest: boolean;
  pades?: PadesFileOptions;
  level: SignLevel;
  /** needed from level T up */
  tsa?: TsaConfig;
  /** counter-sign signature N (1 = the first) of each .p7m instead of adding a signature */
  countersign?: { signerIndex: number };
  /** CAdES detached: FILE → FILE.p7s without the content */
  detached?: boolean;
}

export function levelUnsupported(): SigilloError {
  return failure('LEVEL_UNSUPPORTED');
}

/** The format a file gets under this policy (a detached signature is always CAdES). */
export function formatFor(input: string, p: SignPolicy): SignFormat {
  return p.detached ? 'cades' : routeFormat(input, p.format);
}

/** Throws when the policy cannot be carried out, whatever the files: before the module loads or the PIN is asked. */
export function checkPolicy(p: SignPolicy): void {
  if (p.level !== 'B' && !p.tsa) throw tsaError('TSA_URL_MISSING');
  if (p.countersign && p.level !== 'B' && p.level !== 'T') throw levelUnsupported();
  // XAdES is written at B and T (SignatureTimeStamp); LT/LTA not yet
  if (p.format === 'xades' && p.level !== 'B' && p.level !== 'T') throw levelUnsupported();
  if (!p.detached) return;
  if (p.level === 'LTA') throw levelUnsupported();
  if (p.format === 'pades' || p.format === 'xades') {
    throw failure('SIGN_OPTIONS_CONFLICT');
  }
  if (p.countersign || p.nest) {
    throw failure('SIGN_OPTIONS_CONFLICT:nest');
  }
}
