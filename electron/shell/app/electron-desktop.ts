/** Desktop integration through Electron: native dialogs, the system browser (allow-listed), the file manager. */
import { dialog, shell, type BrowserWindow, type FileFilter } from 'electron';
import { SigilloError, failure } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { isAllowedExternalUrl } from '../../../shared/schemas/system';
import type { Desktop } from '../ipc/context';

const FILTERS: Record<string, FileFilter[]> = {
  sign: [],
  any: [],
  verify: [
    {
      name: 'p7m / p7s / tsd / m7m / pdf / xml / asic',
      extensions: ['p7m', 'p7s', 'tsd', 'm7m', 'pdf', 'p7', 'xml', 'asice', 'sce', 'asics', 'scs', 'bdoc'],
    },
  ],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  p7m: [{ name: 'p7m', extensions: ['p7m'] }],
  cer: [{ name: 'Certificate', extensions: ['cer', 'crt', 'der'] }],
};

export function electronDesktop(getWindow: () => BrowserWindow | null): Desktop {
  return {
    openExternal: async (url) => {
      // validated by the schema already; checked again right before leaving the app
      if (!isAllowedExternalUrl(url)) {
        throw new SigilloError(
          'URL_NOT_ALLOWED',
          t({ it: 'Indirizzo non consentito.', en: 'Address not allowed.' }),
        );
      }
      await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: https allow-list checked just above
    },
    showItemInFolder: async (path) => shell.showItemInFolder(path),
    openPath: async (path, name) => {
      // the system's default application for the file (the handler never sends a program or a script here)
      const reason = await shell.openPath(path);
      if (reason) throw failure('OPEN_VIEWER_FAILED', { name, reason });
      return {};
    },
    chooseFiles: async (kind, title) => {
      const win = getWindow();
      const options = {
        title,
        properties: ['openFile', 'multiSelections'] as const,
        filters: FILTERS[kind] ?? [],
      };
      const r = win
        ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return r.canceled ? [] : r.filePaths;
    },
    chooseFolder: async (title) => {
      const win = getWindow();
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    chooseSavePath: async (defaultName, kind, title) => {
      const win = getWindow();
      const options = { title, defaultPath: defaultName, filters: FILTERS[kind] ?? [] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
