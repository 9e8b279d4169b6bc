import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppPage } from '../../electron/shell/app/url-policy';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/app/csp';

const DIR = 'file:///opt/Sigillo/resources/app.asar/renderer/dist';
const INDEX = `${DIR}/index.html`;

describe('app window URL policy', () => {
  it('shows only the app page', () => {
    expect(isAppPage(INDEX, INDEX)).toBe(true);
    expect(isAppPage(`${INDEX}#/sign`, INDEX)).toBe(true);
    for (const u of ['https://evil.example/', `${DIR}/other.html`, 'file:///etc/passwd', `${INDEX}.evil`]) {
      expect(isAppPage(u, INDEX), u).toBe(false);
    }
  });

  it('loads only the built renderer files, data: and blob:', () => {
    for (const u of [INDEX, `${DIR}/assets/index-abc.js`, 'data:image/png;base64,AA', 'blob:file:///x']) {
      expect(isAllowedRequest(u, DIR), u).toBe(true);
    }
    for (const u of [
      'https://id.infocamere.it/',
      'http://127.0.0.1:5178/',
      'ws://127.0.0.1:1/',
      'file:///etc/passwd',
      `${DIR}/../../secret`,
      `${DIR}/%2e%2e/%2e%2e/secret`,
      `${DIR}/assets%2f..%2fx`,
      `${DIR}-evil/index.html`,
    ]) {
      expect(isAllowedRequest(u, DIR), u).toBe(false);
    }
  });

  it('the CSP forbids remote scripts, objects, framing and base/form tricks', () => {
    const d = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((x) => {
        const [k, ...v] = x.trim().split(/\s+/);
        return [k, v.join(' ')];
      }),
    );
    expect(d['default-src']).toBe("'self'");
    expect(d['script-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
    expect(d['base-uri']).toBe("'none'");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(d['connect-src']).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});
