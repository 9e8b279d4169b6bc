/**
 * The preload: exposes exactly `window.sigillo` (the typed SigilloApi) through contextBridge, nothing else.
 * Sandboxed preloads can only require 'electron', so this file has no runtime imports from shared/ (type-only
 * imports are erased): the method list below is checked against the contract by the compiler.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { FileLike, Result, SigilloApi } from '../../shared/api';
import type { InvokeMethod } from '../../shared/contract';
import type { EventName } from '../../shared/schemas/events';

const INVOKE_PREFIX = 'sigillo:invoke:';
const EVENT_PREFIX = 'sigillo:event:';

/** Every contract method, once (a missing or unknown name is a compile error). */
const METHODS: { [M in InvokeMethod]: true } = {
  appInfo: true,
  getSettings: true,
  setSettings: true,
  listTokens: true,
  sign: true,
  planSign: true,
  cancel: true,
  verify: true,
  exportReport: true,
  extract: true,
  visualDiff: true,
  openSigned: true,
  exportCertificate: true,
  changePin: true,
  unblockPin: true,
  renewalStatus: true,
  snoozeReminder: true,
  setReminders: true,
  openExternal: true,
  showItemInFolder: true,
  chooseFiles: true,
  chooseFolder: true,
  chooseSavePath: true,
  readPdfPreview: true,
  takeOpenFiles: true,
  trustStatus: true,
  updateTrust: true,
};

const EVENTS: { [E in EventName]: true } = { card: true, progress: true, openFiles: true, reminder: true };

const invoke: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
for (const method of Object.keys(METHODS)) {
  invoke[method] = (request: unknown) =>
    ipcRenderer.invoke(INVOKE_PREFIX + method, request ?? {}) as Promise<Result<unknown>>;
}

const api = {
  ...invoke,
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!Object.prototype.hasOwnProperty.call(EVENTS, event)) return () => undefined;
    const channel = EVENT_PREFIX + event;
    // the IpcRendererEvent (sender, ports) never reaches the page: only the payload
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  async pathsForFiles(files: readonly FileLike[]): Promise<Result<string[]>> {
    try {
      const paths = files.map((f) =>
        webUtils.getPathForFile(f as Parameters<typeof webUtils.getPathForFile>[0]),
      );
      if (paths.some((p) => !p)) {
        return { ok: false, error: { code: 'NO_FILE_PATH', message: 'File without a local path' } };
      }
      return { ok: true, value: paths };
    } catch {
      return { ok: false, error: { code: 'NO_FILE_PATH', message: 'File without a local path' } };
    }
  },
} as unknown as SigilloApi;

contextBridge.exposeInMainWorld('sigillo', api);
