/**
 * Electron security checklist, app-wide: CSP header on every response, every permission request denied,
 * navigation / new windows / webview attachment refused, no remote content (only the built renderer's files load).
 */
import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isAllowedRequest, isAppPage } from './url-policy';

export { isAppPage };

function hardenContents(contents: WebContents, rendererIndexUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function applyAppSecurity(rendererIndexUrl: string): void {
  const rendererDirUrl = rendererIndexUrl.slice(0, rendererIndexUrl.lastIndexOf('/'));
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
  // no remote content: anything that is not a file of the built renderer is cancelled
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererDirUrl) });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, rendererIndexUrl));
}
