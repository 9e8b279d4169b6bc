/** Which command-line arguments are files to open (first launch, second instance, "open with"). No electron. */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** Existing regular files among `args` (flags skipped), made absolute against `cwd`. */
export function filesFromArgs(args: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (!arg || arg.startsWith('-') || arg.includes('\0') || arg.length > 4096) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    try {
      if (statSync(path).isFile() && !out.includes(path)) out.push(path);
    } catch {
      // not a file: ignored
    }
  }
  return out;
}
