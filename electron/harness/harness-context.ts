/** The harness's ShellContext: same handlers as the app, worker via child_process.fork, memory keychain. */
import { SettingsStore, MemorySecretStore } from '../shell/settings/settings-store';
import { CardWorkerClient } from '../shell/worker-client';
import { forkNodeWorker } from '../shell/node-worker-port';
import { ReportCache } from '../shell/ipc/report-cache';
import { PendingFiles, type ShellContext } from '../shell/ipc/context';
import type { ShellLog } from '../shell/ipc/shell-log';
import { detectLang } from '../core/i18n/locale';
import { applyLanguage } from '../shell/handlers/app-handlers';
import type { EventName, EventPayload } from '../../shared/schemas/events';
import { harnessDesktop } from './harness-desktop';
import type { DownloadShelf } from './downloads';

export interface HarnessContextOptions {
  userDataDir: string;
  outDir: string;
  workerEntry: string;
  workerEnv: NodeJS.ProcessEnv;
  log: ShellLog;
  version: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** URLs "opened" (for tests) */
  opened?: string[];
  /** watch PC/SC readers and cards (card events), as the app does; off by default in the harness */
  watchCards?: boolean;
  /** where "open with the system viewer" offers files as downloads (the server serves them) */
  downloads?: DownloadShelf;
}

export function makeHarnessContext(o: HarnessContextOptions): {
  ctx: ShellContext;
  worker: CardWorkerClient;
} {
  const worker = new CardWorkerClient(
    () => forkNodeWorker(o.workerEnv, o.workerEntry),
    (payload) => o.emit('card', payload),
    () => o.emit('card', { type: 'driver-stopped' }),
    () => {
      if (o.watchCards) void worker.call('watchCards', {}).catch(() => undefined);
    },
  );
  const ctx: ShellContext = {
    info: {
      name: 'Sigillo',
      version: o.version,
      platform: process.platform,
      host: 'harness',
      osLanguage: detectLang(o.workerEnv),
      userDataDir: o.userDataDir,
    },
    pendingFiles: new PendingFiles(),
    settings: new SettingsStore(o.userDataDir, new MemorySecretStore()),
    worker,
    desktop: harnessDesktop(o.outDir, o.log, o.opened, o.downloads),
    reports: new ReportCache(),
    log: o.log,
    emit: o.emit,
  };
  applyLanguage(ctx.settings.get(), ctx);
  return { ctx, worker };
}
