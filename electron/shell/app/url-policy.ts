/** Which URLs the app window may show or load (plain functions: tested without Electron). */

/** True only for the app's own page (with a hash route or query). */
export function isAppPage(url: string, rendererIndexUrl: string): boolean {
  return (
    url === rendererIndexUrl ||
    url.startsWith(`${rendererIndexUrl}#`) ||
    url.startsWith(`${rendererIndexUrl}?`)
  );
}

/**
 * No remote content: only files inside the built renderer folder, plus data:/blob: (images, PDF preview) and
 * devtools. Any other file on disk, http(s), ws, ftp… is cancelled. `rendererDirUrl` ends without a slash.
 */
export function isAllowedRequest(url: string, rendererDirUrl: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://')) return true;
  if (!url.startsWith(`${rendererDirUrl}/`)) return false;
  const rest = url.slice(rendererDirUrl.length).split(/[?#]/)[0] ?? '';
  return !/(^|\/)(\.|%2e){2}(\/|$)/i.test(rest) && !rest.includes('%2f') && !rest.includes('%2F');
}
