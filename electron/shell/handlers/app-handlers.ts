/** App info, settings, links, folders, dialogs, PDF preview bytes. */
import { open } from 'node:fs/promises';
import { SigilloError } from '../../core/errors';
import { setLang, t } from '../../core/i18n/translate';
import { LIMITS } from '../../../shared/limits';
import type { Settings } from '../../../shared/schemas/settings';
import type { ShellContext } from '../ipc/context';
import type { HandlerTable } from './handler-types';

export function applyLanguage(settings: Settings, ctx: Pick<ShellContext, 'info'>): void {
  setLang(settings.language === 'auto' ? ctx.info.osLanguage : settings.language);
}

async function readPdfPreview(path: string): Promise<{ base64: string; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > LIMITS.previewBytes) {
      throw new SigilloError(
        'PREVIEW_TOO_LARGE',
        t({ it: 'PDF troppo grande per l’anteprima.', en: 'PDF too large for the preview.' }),
      );
    }
    const data = Buffer.alloc(size);
    await handle.read(data, 0, size, 0);
    if (!data.subarray(0, 1024).includes('%PDF-')) {
      throw new SigilloError('NOT_A_PDF', t({ it: 'Il file non è un PDF.', en: 'The file is not a PDF.' }));
    }
    return { base64: data.toString('base64'), size };
  } finally {
    await handle.close();
  }
}

export const appHandlers: HandlerTable<
  | 'appInfo'
  | 'getSettings'
  | 'setSettings'
  | 'openExternal'
  | 'showItemInFolder'
  | 'chooseFiles'
  | 'chooseFolder'
  | 'chooseSavePath'
  | 'readPdfPreview'
  | 'takeOpenFiles'
> = {
  appInfo: async (_req, ctx) => ctx.info,
  getSettings: async (_req, ctx) => ctx.settings.get(),
  setSettings: async (req, ctx) => {
    const settings = ctx.settings.update(req);
    applyLanguage(settings, ctx);
    return settings;
  },
  openExternal: async (req, ctx) => {
    await ctx.desktop.openExternal(req.url); // eng-disable OPEN_EXTERNAL_JS_CHECK: schema allow-list (isAllowedExternalUrl)
    return { ok: true };
  },
  showItemInFolder: async (req, ctx) => {
    await ctx.desktop.showItemInFolder(req.path);
    return { ok: true };
  },
  chooseFiles: async (req, ctx) => ({ paths: await ctx.desktop.chooseFiles(req.kind, req.title) }),
  chooseFolder: async (req, ctx) => ({ path: await ctx.desktop.chooseFolder(req.title) }),
  chooseSavePath: async (req, ctx) => ({
    path: await ctx.desktop.chooseSavePath(req.defaultName, req.kind, req.title),
  }),
  readPdfPreview: async (req) => readPdfPreview(req.path),
  takeOpenFiles: async (_req, ctx) => ({ paths: ctx.pendingFiles.take() }),
};
