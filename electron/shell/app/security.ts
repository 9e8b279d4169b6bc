/**
 * Electron security checklist, app-wide: CSP header on every response, every permission request denied,
 * navigation / new windows / webview attachment refused, no remote content (only our file:// pages load).
 */
import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/** True only for the app's own page files. */
export function isAppPage(url: string, rendererIndexUrl: string): boolean {
  return (
    url === rendererIndexUrl ||
    url.startsWith(`${rendererIndexUrl}#`) ||
    url.startsWith(`${rendererIndexUrl}?`)
  );
}

function hardenContents(contents: WebContents, rendererIndexUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function applyAppSecurity(rendererIndexUrl: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // the policy is the constant in csp.ts (script-src 'self' = our packaged files only)
      responseHeaders: /* eng-disable CSP_GLOBAL_CHECK */ {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // no remote content: anything that is not a local file of ours is cancelled
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith('file://') ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, rendererIndexUrl));
}
