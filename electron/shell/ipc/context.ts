/** Everything an IPC handler may use. Built by the Electron main process or by the harness; no electron import. */
import type { EventName, EventPayload } from '../../../shared/schemas/events';
import type { AppInfo } from '../../../shared/schemas/system';
import type { SettingsStore } from '../settings/settings-store';
import type { WorkerCaller } from '../worker-client';
import type { ReportCache } from './report-cache';
import type { ShellLog } from './shell-log';

/** OS integration (dialogs, browser, file manager): Electron's dialog/shell, or the harness's stand-ins. */
export interface Desktop {
  openExternal(url: string): Promise<void>;
  showItemInFolder(path: string): Promise<void>;
  chooseFiles(kind: string, title?: string): Promise<string[]>;
  chooseFolder(title?: string): Promise<string | null>;
  chooseSavePath(defaultName: string, kind: string, title?: string): Promise<string | null>;
  /**
   * Hands a file of the app's temporary folder to the system viewer (Electron: shell.openPath). The harness
   * cannot open anything on the user's desktop: it answers a URL the page downloads the bytes from.
   */
  openPath(path: string, name: string): Promise<{ downloadUrl?: string }>;
}

/** Files the app was asked to open, kept until the page takes them. */
export class PendingFiles {
  private paths: string[] = [];
  add(paths: string[]): void {
    for (const p of paths) if (!this.paths.includes(p)) this.paths.push(p);
  }
  take(): string[] {
    const out = this.paths;
    this.paths = [];
    return out;
  }
}

export interface ShellContext {
  info: AppInfo;
  pendingFiles: PendingFiles;
  settings: SettingsStore;
  worker: WorkerCaller;
  desktop: Desktop;
  reports: ReportCache;
  log: ShellLog;
  /** check every answer against the contract (default: responseChecksWanted(); the app: !app.isPackaged) */
  checkResponses?: boolean;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
