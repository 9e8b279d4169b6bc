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

/** `fattura.xml` → `fattura-signed.xml` beside it; the same name in another --out folder. */
export function xadesOutputPath(input: string, outputDir?: string): string {
  const inFolder = resolve(dirname(input));
  const folder = outputDir ? resolve(outputDir) : inFolder;
  const name = basename(input);
  if (folder !== inFolder) return join(folder, name);
  const ext = extname(name);
  return join(folder, ext ? `${name.slice(0, -ext.length)}-signed${ext}` : `${name}-signed.xml`);
}

/** `contratto.pdf.p7m` + 2 → `contratto (2).pdf.p7m`: the number goes before the first extension of the name. */
export function numberedName(path: string, n: number): string {
  const name = basename(path);
  const dot = name.indexOf('.', 1);
  const stem = dot < 0 ? name : name.slice(0, dot);
  const exts = dot < 0 ? '' : name.slice(dot);
  return join(dirname(path), `${stem} (${n})${exts}`);
}

/** How far freeOutputName looks before giving up (a folder with 999 copies of one name is not a use case). */
export const MAX_NUMBERED_NAME = 999;
