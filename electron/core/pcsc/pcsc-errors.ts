/** PC/SC failures in plain words: pcscd (or the Windows smart card service) not running, no reader, mute card. */
import type { ErrorInfo } from '../errors';
import { t } from '../i18n/translate';

/** SCARD_E_* / SCARD_F_* codes that mean "the PC/SC service is not there (any more)". */
const SERVICE_GONE = new Set([
  0x8010001d, // SCARD_E_NO_SERVICE
  0x8010001e, // SCARD_E_SERVICE_STOPPED
  0x80100013, // SCARD_F_COMM_ERROR (RPC transport error: pcscd died)
  0x80100003, // SCARD_E_INVALID_HANDLE (context lost)
]);
export const SCARD_E_CANCELLED = 0x80100002;
const SCARD_E_NO_ACCESS = 0x8010006a;

/** The SCARD code in a pcsclite error message ("… (0x8010001d)"), or undefined. */
export function scardCode(e: unknown): number | undefined {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /\(0x([0-9a-fA-F]{8})\)/.exec(msg);
  return m?.[1] ? parseInt(m[1], 16) : undefined;
}

export function isServiceGone(e: unknown): boolean {
  const code = scardCode(e);
  return code !== undefined && SERVICE_GONE.has(code);
}

const UNAVAILABLE = {
  linux: {
    it: 'Impossibile vedere i lettori di smart card: il servizio pcscd non è in esecuzione. Avviarlo (ad es. "sudo systemctl start pcscd") e riprovare.',
    en: 'Cannot see the smart card readers: the pcscd service is not running. Start it (e.g. "sudo systemctl start pcscd") and retry.',
  },
  win32: {
    it: 'Impossibile vedere i lettori di smart card: il servizio "Smart card" di Windows (SCardSvr) non è in esecuzione.',
    en: 'Cannot see the smart card readers: the Windows "Smart Card" service (SCardSvr) is not running.',
  },
  darwin: {
    it: 'Impossibile vedere i lettori di smart card: il servizio PC/SC di macOS non risponde. Ricollegare il lettore e riprovare.',
    en: 'Cannot see the smart card readers: the macOS PC/SC service does not answer. Plug the reader in again and retry.',
  },
};

export function pcscUnavailable(platform: NodeJS.Platform = process.platform, detail = ''): ErrorInfo {
  const msg =
    platform === 'win32' ? UNAVAILABLE.win32 : platform === 'darwin' ? UNAVAILABLE.darwin : UNAVAILABLE.linux;
  return { code: 'PCSC_UNAVAILABLE', message: t(msg) + (detail ? ` (${detail})` : '') };
}

export function pcscStopped(platform: NodeJS.Platform = process.platform): ErrorInfo {
  const base = pcscUnavailable(platform);
  return {
    code: 'PCSC_UNAVAILABLE',
    message:
      t({ it: 'Il servizio PC/SC si è interrotto. ', en: 'The PC/SC service stopped. ' }) + base.message,
  };
}

export function noReader(): ErrorInfo {
  return {
    code: 'NO_READER',
    message: t({
      it: 'Nessun lettore di smart card collegato. Collegare il lettore (o il token USB).',
      en: 'No smart card reader connected. Plug in the reader (or the USB token).',
    }),
  };
}

export function cardMute(reader: string): ErrorInfo {
  return {
    code: 'CARD_MUTE',
    message: t(
      {
        it: 'La carta nel lettore "{reader}" non risponde: estrarla, controllare il verso e reinserirla.',
        en: 'The card in reader "{reader}" does not answer: take it out, check its orientation and insert it again.',
      },
      { reader },
    ),
  };
}

export function pcscError(e: unknown, reader?: string): ErrorInfo {
  const msg = e instanceof Error ? e.message : String(e);
  return {
    code: 'PCSC_ERROR',
    message: t(
      { it: 'Errore PC/SC{where}: {msg}', en: 'PC/SC error{where}: {msg}' },
      { where: reader ? ` (${reader})` : '', msg },
    ),
  };
}

/** Why PC/SC could not be opened at all: service missing, access refused (polkit), or the library itself. */
export function startFailure(e: unknown, platform: NodeJS.Platform = process.platform): ErrorInfo {
  if (isServiceGone(e)) return pcscUnavailable(platform);
  if (scardCode(e) === SCARD_E_NO_ACCESS) {
    return {
      code: 'PCSC_UNAVAILABLE',
      message: t({
        it: 'Il servizio PC/SC (pcscd) ha negato l’accesso ai lettori a questo utente (regole polkit). Chiedere all’amministratore di consentirlo.',
        en: 'The PC/SC service (pcscd) denied this user access to the readers (polkit rules). Ask the administrator to allow it.',
      }),
    };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return pcscUnavailable(platform, msg);
}
