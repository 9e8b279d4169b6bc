/** Where an output goes: next to the input, or in the folder given with --out, with a suffix added. */
import { basename, dirname, join, resolve } from 'node:path';

export interface NamingOptions {
  /** --out DIR; default: the input's folder */
  outDir?: string;
  /** added to the input's file name, e.g. '.p7m'; '' keeps the name */
  suffix: string;
}

export function outputPathFor(input: string, opts: NamingOptions): string {
  return resolve(join(opts.outDir ?? dirname(input), basename(input) + opts.suffix));
}

/** true when both paths name the same file location (before symlinks). */
export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
