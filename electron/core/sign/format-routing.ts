/**
 * Which signature format a file gets, and the one place that runs it. `--format auto`: PAdES for .pdf files,
 * CAdES for everything else; XAdES (enveloped, for XML/FatturaPA) only on request. Each format's code is
 * loaded when first used (a PDF signature does not load the XML stack, nor a p7m one the PDF writer).
 */
import type { SignCadesOptions } from './cades-types';
import type { PadesFileOptions } from './pades-file';
import { refuseOwnInput, regularInput } from '../files/file-kind';
import { signedPdfPath } from '../files/output-naming';

export type RequestedFormat = 'auto' | 'cades' | 'pades' | 'xades';
export type SignFormat = 'cades' | 'pades' | 'xades';

export const REQUESTED_FORMATS: readonly RequestedFormat[] = ['auto', 'cades', 'pades', 'xades'];

export function routeFormat(input: string, requested: RequestedFormat): SignFormat {
  if (requested === 'auto') return /\.pdf$/i.test(input) ? 'pades' : 'cades';
  return requested;
}

/** What CAdES signing takes (the signing time is always now), plus the PDF options. */
export interface SignFileOptions extends Omit<SignCadesOptions, 'signingTime'> {
  /** PDF options (--visible, --field, --image, --reason, --location, --contact) */
  pades?: PadesFileOptions;
  /** when the output exists, write "NAME (2).ext" (the first free name, output-plan.ts) instead of failing */
  rename?: boolean;
  /** XAdES-T: the token over the canonical ds:SignatureValue (sign/xades-t.ts) */
  signatureTimestamp?: (canonicalSignatureValue: Uint8Array) => Promise<Uint8Array>;
}

export interface SignFileResult {
  input: string;
  output: string;
  format: SignFormat;
}

export async function signFile(format: SignFormat, given: SignFileOptions): Promise<SignFileResult> {
  await regularInput(given.input); // a FIFO or device would block or never end
  const opts = given.rename ? { ...given, output: await renamed(format, given) } : given;
  switch (format) {
    case 'cades': {
      const { signCades } = await import('./cades.js');
      const r = await signCades(opts);
      return { input: opts.input, output: r.output, format };
    }
    case 'pades': {
      await refuseOwnInput(opts.input, opts.output ?? signedPdfPath(opts.input, opts.outputDir));
      const { signPadesFile } = await import('./pades-file.js');
      const r = await signPadesFile(opts);
      return { input: opts.input, output: r.output, format };
    }
    case 'xades': {
      const { signXadesFile, xadesOutputPath } = await import('../xades/sign-xades.js');
      // xadesOutputPath keeps the name in another folder, compared by path: a symlinked --out is the same folder
      await refuseOwnInput(opts.input, opts.output ?? xadesOutputPath(opts.input, opts.outputDir));
      const r = await signXadesFile(opts);
      return { input: opts.input, output: r.output, format };
    }
  }
}

async function renamed(format: SignFormat, o: SignFileOptions): Promise<string | undefined> {
  const { renamedOutputPath } = await import('./output-plan.js');
  return renamedOutputPath(o.input, format, { outputDir: o.outputDir, nest: o.nest });
}
