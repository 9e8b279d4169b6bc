/**
 * Which signature format a file gets, and the one place that runs it. `--format auto`: PAdES for .pdf files,
 * CAdES for everything else; XAdES (enveloped, for XML/FatturaPA) only on request.
 */
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { signCades } from './cades';
import { signPadesFile, type PadesFileOptions } from '../pdf/pades-file';
import { signXadesFile } from '../xades/sign-xades';

export type RequestedFormat = 'auto' | 'cades' | 'pades' | 'xades';
export type SignFormat = 'cades' | 'pades' | 'xades';

export const REQUESTED_FORMATS: readonly RequestedFormat[] = ['auto', 'cades', 'pades', 'xades'];

export function routeFormat(input: string, requested: RequestedFormat): SignFormat {
  if (requested === 'auto') return /\.pdf$/i.test(input) ? 'pades' : 'cades';
  return requested;
}

export interface SignFileOptions {
  input: string;
  outputDir?: string;
  overwrite: boolean;
  digest: DigestName;
  signer: KeySigner;
  nest: boolean;
  onProgress?: (done: number, total: number) => void;
  /** PDF options (--visible, --field, --image, --reason, --location, --contact) */
  pades?: PadesFileOptions;
  /** last step on the new SignerInfo, e.g. a signature timestamp (CAdES-T / PAdES-B-T) */
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
}

export interface SignFileResult {
  input: string;
  output: string;
  format: SignFormat;
}

export async function signFile(format: SignFormat, opts: SignFileOptions): Promise<SignFileResult> {
  switch (format) {
    case 'cades': {
      const r = await signCades(opts);
      return { input: opts.input, output: r.output, format };
    }
    case 'pades': {
      const r = await signPadesFile(opts);
      return { input: opts.input, output: r.output, format };
    }
    case 'xades': {
      const r = await signXadesFile(opts);
      return { input: opts.input, output: r.output, format };
    }
  }
}
