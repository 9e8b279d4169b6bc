/**
 * The built renderer (`npm run build` makes both builds before the tests): strict CSP without inline code, the
 * app build free of the harness bridge and of any loopback permission, relative asset paths for file://.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', 'renderer');

function built(dir: string): { html: string; js: string } {
  const index = join(ROOT, dir, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first`);
  const assets = join(ROOT, dir, 'assets');
  const js = readdirSync(assets)
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
  return { html: readFileSync(index, 'utf8'), js };
}

function csp(html: string): string {
  const m = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSP meta');
  return m[1];
}

describe('built renderer', () => {
  it('app build: strict CSP, no inline script, no harness code, relative paths', () => {
    const { html, js } = built('dist');
    const policy = csp(html);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|127\.0\.0\.1|ws:/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toMatch(/src="\.\/assets\//);
    expect(js).not.toContain('sigillo-harness-token');
    expect(js).not.toContain('HARNESS_DISCONNECTED');
  });

  it('harness build: same policy plus the loopback connection, bridge included', () => {
    const { html, js } = built('dist-harness');
    const policy = csp(html);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain('ws://127.0.0.1:*');
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(js).toContain('sigillo-harness-token');
  });
});
