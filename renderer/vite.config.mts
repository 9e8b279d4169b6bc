/**
 * Renderer build. `vite build` → renderer/dist (loaded from file:// by Electron, hence base './').
 * `vite build --mode harness` → renderer/dist-harness: the same app, whose CSP also lets the page talk to the
 * loopback browser harness (ws://127.0.0.1:*). The packaged app never ships the harness build.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

const BASE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
];

export function contentSecurityPolicy(harness: boolean): string {
  const connect = harness ? "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*" : "connect-src 'self'";
  return [...BASE_CSP, connect].join('; ');
}

/** Fills the %SIGILLO_CSP% placeholder of index.html for the build mode. */
function cspPlugin(harness: boolean): Plugin {
  return {
    name: 'sigillo-csp',
    transformIndexHtml: (html) => html.replace('%SIGILLO_CSP%', contentSecurityPolicy(harness)),
  };
}

export default defineConfig(({ mode }) => {
  const harness = mode === 'harness';
  return {
    root,
    base: './',
    plugins: [react(), cspPlugin(harness)],
    build: {
      outDir: harness ? 'dist-harness' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      target: 'chrome120',
    },
  };
});
