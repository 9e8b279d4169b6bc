/**
 * The words of `sigillo verify` (after the command word) split the way its option parser reads them, for the
 * entry's guesses before the program loads (early-pdf-hash.ts, early-verify.ts), which must not load the command
 * itself: options (`--name` or `--name=value`) with the values of those that take one, and the file or folder
 * words — every word after `--` is one.
 */

/** verify's options that take a value (commands/verify.ts `type: 'string'`; test/cli/verify-words.test.ts) */
export const VERIFY_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--trust',
  '--content',
  '--report',
  '--visual-diff',
]);

export interface VerifyWords {
  /** option words, without their values */
  options: string[];
  /** the words naming files or folders */
  files: string[];
}

export function splitVerifyWords(words: readonly string[]): VerifyWords {
  const options: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '--') {
      files.push(...words.slice(i + 1));
      break;
    }
    if (!w.startsWith('-')) files.push(w);
    else {
      options.push(w);
      if (VERIFY_VALUE_OPTIONS.has(w)) i++;
    }
  }
  return { options, files };
}
