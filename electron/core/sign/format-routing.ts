/**
 * Which signature format a file gets, and the one place that runs it. `--format auto` is CAdES for every file
 * until the PAdES route lands: the PAdES owner adds it here (routeFormat for .pdf, and the 'pades' case).
 */
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { signCades } from './cades';

export type RequestedFormat = 'auto' | 'cades' | 'pades';
export type SignFormat = 'cades' | 'pades';

export const REQUESTED_FORMATS: readonly RequestedFormat[] = ['auto', 'cades', 'pades'];

export function routeFormat(_input: string, requested: RequestedFormat): SignFormat {
  if (requested === 'auto') return 'cades';
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
    case 'pades':
      throw new SigilloError(
        'FORMAT_UNAVAILABLE',
        t({
          it: 'La firma PAdES (PDF) non è ancora disponibile: usare --format cades.',
          en: 'PAdES (PDF) signing is not available yet: use --format cades.',
        }),
      );
  }
}
