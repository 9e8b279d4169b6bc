/** Dropped or picked files → absolute paths through the bridge, noting which PDFs are already signed. */
import { looksSignedPdf } from '../model/signedPdf';
import { api, call } from './index';

/** Paths for dropped or picked files, and which of them are PDFs that are already signed. */
export async function filesToPaths(
  files: File[],
): Promise<{ ok: true; paths: string[]; signedPdfs: Set<string> } | { ok: false; message: string }> {
  const signed = await Promise.all(files.map((f) => looksSignedPdf(f).catch(() => false)));
  const res = await call(() => api().pathsForFiles(files));
  if (!res.ok) return { ok: false, message: res.error.message };
  return { ok: true, paths: res.value, signedPdfs: new Set(res.value.filter((_, i) => signed[i])) };
}
