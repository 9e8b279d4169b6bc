/** Error messages of electron/core/card/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const CARD_MESSAGES = {
  ATR_TABLE_INVALID: {
    it: 'Tabella ATR non valida ({path}): {why}',
    en: 'Invalid ATR table ({path}): {why}',
  },
  'MODULE_NOT_FOUND:override': {
    it: 'Il modulo PKCS#11 indicato non esiste: {path}',
    en: 'The PKCS#11 module given does not exist: {path}',
  },
  CARD_UNKNOWN: {
    it: "Carta non riconosciuta (ATR {atr}): non è una CNS nota. Installare il software (modulo PKCS#11) dell'ente che l'ha emessa oppure OpenSC, e indicarne il modulo.",
    en: 'Card not recognised (ATR {atr}): not a known CNS. Install the software (PKCS#11 module) of the body that issued it or OpenSC, and give its module.',
  },
  MODULE_NOT_INSTALLED: {
    it: 'La carta "{name}" ({issuer}, ATR {atr}) richiede {middleware}, che non risulta installato (file cercati: {files}). Installare {middleware} oppure OpenSC, o indicare il modulo PKCS#11 da usare.',
    en: 'The card "{name}" ({issuer}, ATR {atr}) needs {middleware}, which is not installed (files looked for: {files}). Install {middleware} or OpenSC, or give the PKCS#11 module to use.',
  },
  'CARD_UNKNOWN:vendor': {
    it: 'Carta non riconosciuta (ATR {atr}). Sembra una CNS prodotta da {vendor}: installare {middleware} (file {files}) oppure OpenSC, o indicare il modulo PKCS#11 da usare.',
    en: 'Card not recognised (ATR {atr}). It looks like a CNS made by {vendor}: install {middleware} (files {files}) or OpenSC, or give the PKCS#11 module to use.',
  },
  'CARD_UNKNOWN:cns': {
    it: "Carta non riconosciuta (ATR {atr}). Sembra una CNS: installare OpenSC oppure il software dell'ente che l'ha emessa, o indicare il modulo PKCS#11 da usare.",
    en: 'Card not recognised (ATR {atr}). It looks like a CNS: install OpenSC or the software of the body that issued it, or give the PKCS#11 module to use.',
  },
} as const satisfies Record<string, Message>;

export type CardErrorCode = CodeOf<keyof typeof CARD_MESSAGES>;
