/** Where an output goes: next to the input, or in the folder given with --out, with a suffix added. */
import { basename, dirname, extname, join, resolve } from 'node:path';

export interface NamingOptions {
  /** --out DIR; default: the input's folder */
  outDir?: string;
  /** added to the input's file name, e.g. '.p7m'; '' keeps the name */
  suffix: string;
}

export function outputPathFor(input: string, opts: NamingOptions): string {
  return resolve(join(opts.outDir ?? dirname(input), basename(input) + opts.suffix));
}

/** `NAME.pdf` → `NAME-signed.pdf`, beside the input or in `outputDir` */
export function signedPdfPath(input: string, outputDir?: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  return resolve(
    join(outputDir ?? dirname(input), `${stem}-signed${ext.toLowerCase() === '.pdf' ? ext : '.pdf'}`),
  );
}
