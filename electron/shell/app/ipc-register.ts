/**
 * Registers one ipcMain handler per contract method. Each message is accepted only from our own page (the
 * sender frame's URL is the renderer file), then goes through dispatchInvoke (shared zod validation, handler,
 * `{code, message}` errors). Events go to the window with webContents.send.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_METHODS } from '../../../shared/contract';
import { eventChannel, invokeChannel } from '../../../shared/channels';
import type { Result } from '../../../shared/api';
import type { EventName, EventPayload } from '../../../shared/schemas/events';
import { dispatchInvoke } from '../ipc/dispatch';
import type { ShellContext } from '../ipc/context';
import { isAppPage } from './security';
import { t } from '../../core/i18n/translate';

function foreign(): Result<never> {
  return {
    ok: false,
    error: {
      code: 'IPC_FORBIDDEN',
      message: t({ it: 'Richiesta non consentita.', en: 'Request not allowed.' }),
    },
  };
}

export function registerIpc(ctx: ShellContext, rendererIndexUrl: string): void {
  for (const method of INVOKE_METHODS) {
    ipcMain.handle(invokeChannel(method), (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppPage(url, rendererIndexUrl)) {
        ctx.log.warn('ipc.foreign-sender', { method });
        return foreign();
      }
      return dispatchInvoke(ctx, method, payload);
    });
  }
}

export function windowEmitter(getWindow: () => BrowserWindow | null) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
  };
}
