/** The one app window: isolated, sandboxed, no Node, web security on; loads the built renderer file. */
import { BrowserWindow } from 'electron';
import { PRELOAD_PATH } from './app-paths';

export function createMainWindow(rendererIndex: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Sigillo',
    backgroundColor: '#1b1d22',
    webPreferences: {
      preload: PRELOAD_PATH, // eng-disable PRELOAD_JS_CHECK: exposes only the typed SigilloApi (preload.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // middle-click must not open links in new windows
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !process.env.SIGILLO_NO_DEVTOOLS,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}
