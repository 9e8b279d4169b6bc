/** What to offer for a file by its name: signed envelopes default to Verify, everything else to Sign. */
export type FileAction = 'sign' | 'verify';

import { isSignedEnvelope } from '../../../shared/file-kinds';

export { isSignedEnvelope };

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? path.slice(0, i + 1) : path.slice(0, i);
}

export function isPdf(path: string): boolean {
  return path.toLowerCase().endsWith('.pdf');
}

/**
 * The action preselected for a set of files: Verify when every file is a signed envelope (or a PDF known to be
 * signed already), else Sign.
 */
export function defaultAction(
  paths: readonly string[],
  signedPdfs: ReadonlySet<string> = new Set(),
): FileAction {
  return paths.length > 0 && paths.every((p) => isSignedEnvelope(p) || signedPdfs.has(p)) ? 'verify' : 'sign';
}

export { formatBytes } from '../../../shared/format/numbers';
