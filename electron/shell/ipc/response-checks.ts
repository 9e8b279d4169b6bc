/**
 * Whether the shell checks answers against their schemas (issue 20 §3–4): handler responses against the page
 * contract (dispatch.ts) and card worker responses against the worker's table (worker-client.ts). On in
 * development and tests, off in a packaged app (NODE_ENV=production; the Electron main passes !app.isPackaged).
 */
export function responseChecksWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production';
}
