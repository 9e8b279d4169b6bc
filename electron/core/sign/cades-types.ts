/** Options and result of CAdES (.p7m) signing. */
import type { DigestName, KeySigner } from '../crypto/key-signer';
import type { Prefetch } from './prefetch';

export interface SignCadesOptions {
  input: string;
  /** --out DIR; default next to the input */
  outputDir?: string;
  /** exact output path (the numbered free name of output-plan.ts); default from the input and outputDir */
  output?: string;
  overwrite: boolean;
  digest: DigestName;
  signer: KeySigner;
  /** wrap an existing p7m in a new one (FILE.p7m.p7m) instead of adding a parallel signature */
  nest: boolean;
  /** default: now */
  signingTime?: Date;
  /** bytes of content processed / total */
  onProgress?: (done: number, total: number) => void;
  /** last step on the new SignerInfo, e.g. a signature timestamp (CAdES-T / PAdES-B-T, core/sign/cades-t.ts) */
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
  /** input work started before the token was opened (prefetch.ts), used when it matches */
  prefetched?: Prefetch;
  /** cancels between chunks of the content (CANCELLED; nothing is left behind) */
  signal?: AbortSignal;
}

/**
 * attached: a new p7m of a plain file; parallel: a signature added to an existing p7m; nested: p7m in a p7m;
 * detached: FILE.p7s without the content (cades-detached.ts)
 */
export type CadesMode = 'attached' | 'parallel' | 'nested' | 'detached';

export interface SignCadesResult {
  input: string;
  output: string;
  mode: CadesMode;
  /** bytes written */
  size: number;
}
