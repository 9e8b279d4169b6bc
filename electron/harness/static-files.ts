/** Serves the built renderer from one folder: no path escapes, known content types, the page gets the token. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.mjs.map': 'application/json',
};

export const TOKEN_META = 'sigillo-harness-token';

/** The file under `root` for a URL path, or null when it would leave the folder or is not a plain file. */
export async function staticFile(
  root: string,
  urlPath: string,
): Promise<{ path: string; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = normalize(join(base, decoded));
  if (full !== base && !full.startsWith(base + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
  } catch {
    return null;
  }
  return { path: full, type: TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream' };
}

/** index.html with the session token as a <meta> (allowed by the page's CSP, unlike an inline script). */
export async function indexWithToken(root: string, token: string): Promise<string | null> {
  try {
    const html = await readFile(join(root, 'index.html'), 'utf8');
    const meta = `<meta name="${TOKEN_META}" content="${token}" />`;
    return html.includes('</head>') ? html.replace('</head>', `    ${meta}\n  </head>`) : meta + html;
  } catch {
    return null;
  }
}
