/**
 * Electron main process: single instance, one sandboxed window, IPC handlers over the core, files to open from
 * argv / second instance / macOS open-file, expiry reminders as notifications. Card work runs in the card
 * worker (utilityProcess). Thin on purpose: the logic lives in plain modules (handlers/, ipc/, settings/).
 */
import { app, BrowserWindow, Notification } from 'electron';
import { pathToFileURL } from 'node:url';
import { getLang, t } from '../core/i18n/translate';
import { detectLang } from '../core/i18n/locale';
import { applyLanguage } from './handlers/app-handlers';
import { dueReminders } from './handlers/renewal-handlers';
import { PendingFiles, type ShellContext } from './ipc/context';
import { ReportCache } from './ipc/report-cache';
import { filesFromArgs } from './open-files';
import { SettingsStore } from './settings/settings-store';
import { CardWorkerClient } from './worker-client';
import { responseChecksWanted } from './ipc/response-checks';
import { appLog } from './app/app-log';
import { electronDesktop } from './app/electron-desktop';
import { registerIpc, windowEmitter } from './app/ipc-register';
import { installMenu } from './app/menu';
import { SafeSecretStore } from './app/safe-secret-store';
import { applyAppSecurity } from './app/security';
import { forkUtilityWorker } from './app/utility-worker-port';
import { createMainWindow } from './app/window';
import { RENDERER_INDEX } from './app/app-paths';
import { removeOpenSession, sweepOpenFolders } from '../core/open/open-folder';

const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href;
const DAY = 24 * 60 * 60 * 1000;

let mainWindow: BrowserWindow | null = null;
const pending = new PendingFiles();
const getWindow = () => mainWindow;

function openFiles(paths: string[], ctx?: ShellContext): void {
  if (paths.length === 0) return;
  pending.add(paths);
  if (ctx && mainWindow && !mainWindow.webContents.isLoading())
    ctx.emit('openFiles', { paths: pending.take() });
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

async function remind(ctx: ShellContext): Promise<void> {
  try {
    const due = await dueReminders(ctx);
    if (due.length === 0 || !Notification.isSupported()) return;
    const first = due[0];
    const n = new Notification({
      title: t({ it: 'Sigillo: scadenza certificati', en: 'Sigillo: certificate expiry' }),
      body: first?.message ?? '',
    });
    n.on('click', () => {
      mainWindow?.show();
      ctx.emit('reminder', { reminders: due });
    });
    n.show();
  } catch (e) {
    ctx.log.warn('reminders.failed', { code: (e as { code?: string }).code ?? 'unknown' });
  }
}

function start(): void {
  const log = appLog();
  const userDataDir = app.getPath('userData');
  const emit = windowEmitter(getWindow);
  /** answers checked against their schemas while developing, not in the packaged app */
  const checkResponses = !app.isPackaged && responseChecksWanted();
  const worker = new CardWorkerClient(
    () => forkUtilityWorker({ ...process.env, SIGILLO_DATA_DIR: userDataDir }),
    (payload) => emit('card', payload),
    () => {
      log.warn('worker.stopped');
      emit('card', { type: 'driver-stopped' });
    },
    () => {
      // (re)started: watch the readers in the new worker
      void worker.call('watchCards', {}).catch(() => log.warn('cards.watch-unavailable'));
    },
    checkResponses,
  );
  const ctx: ShellContext = {
    info: {
      name: 'Sigillo',
      version: app.getVersion(),
      platform: process.platform,
      host: 'electron',
      osLanguage: detectLang({ LANG: app.getLocale() }),
      userDataDir,
    },
    pendingFiles: pending,
    settings: new SettingsStore(userDataDir, new SafeSecretStore(userDataDir)),
    worker,
    desktop: electronDesktop(getWindow),
    reports: new ReportCache(),
    log,
    emit,
    checkResponses,
  };
  applyLanguage(ctx.settings.get(), ctx);
  log.info('app.start', { version: app.getVersion(), lang: getLang() });

  applyAppSecurity(RENDERER_URL);
  registerIpc(ctx, RENDERER_URL);
  installMenu();
  app.setAppUserModelId('it.sigillo.app'); // Windows notifications
  const openWindow = () => {
    mainWindow = createMainWindow(RENDERER_INDEX);
    mainWindow.on('closed', () => (mainWindow = null));
  };
  openWindow();
  app.on('activate', () => {
    if (!mainWindow) openWindow(); // macOS: dock click with no window
  });
  void worker.call('ping', {}).catch(() => log.warn('worker.start-failed'));

  app.on('second-instance', (_e, argv, cwd) => openFiles(filesFromArgs(argv.slice(1), cwd), ctx));
  app.on('open-file', (e, path) => {
    e.preventDefault();
    openFiles([path], ctx);
  });
  app.on('before-quit', () => worker.dispose());
  // documents opened with the system viewer: this run's folder goes at quit, a crashed run's at the next start
  app.on('will-quit', () => removeOpenSession(userDataDir));
  void sweepOpenFolders(userDataDir).catch(() => log.warn('opened.sweep-failed'));
  void remind(ctx);
  setInterval(() => void remind(ctx), DAY).unref();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS delivers "open with" before ready: keep those files for the page
  app.on('open-file', (e, path) => {
    e.preventDefault();
    pending.add([path]);
  });
  pending.add(filesFromArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd()));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}
