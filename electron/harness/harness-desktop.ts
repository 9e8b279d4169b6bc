/**
 * OS integration stand-ins for the browser harness: no native dialogs (the page uses <input type=file> and
 * pathsForFiles), the output folder is the harness session folder, links and "show in folder" are only logged,
 * "open with the system viewer" is a browser download (downloads.ts).
 */
import { join } from 'node:path';
import { isAllowedExternalUrl } from '../../shared/schemas/system';
import type { Desktop } from '../shell/ipc/context';
import type { ShellLog } from '../shell/ipc/shell-log';
import { notAvailable } from '../shell/ipc/not-available';
import { DownloadShelf } from './downloads';

export function harnessDesktop(
  outDir: string,
  log: ShellLog,
  opened: string[] = [],
  downloads = new DownloadShelf(),
): Desktop {
  return {
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) throw notAvailable(url);
      opened.push(url);
      log.info('harness.open-external', { url });
    },
    showItemInFolder: async (path) => log.info('harness.show-item', { path }),
    openPath: async (path, name) => ({ downloadUrl: downloads.offer(path, name) }),
    chooseFiles: async () => {
      throw notAvailable('file dialog (harness)');
    },
    chooseFolder: async () => outDir,
    chooseSavePath: async (defaultName) => join(outDir, defaultName),
  };
}
