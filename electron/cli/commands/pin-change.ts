/** `sigillo pin change [--token L] [--module PATH] [--json]`: changes the user PIN of a CNS (C_SetPIN). */
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { changePin } from '../../core/pkcs11/pin-management';
import { pinWarning, PIN_MESSAGES } from '../../core/pkcs11/pin-status';
import type { Command } from '../command';
import { readCurrentPin } from '../pin-input';
import { pinOptions, runPinOperation } from '../pin-operation';

export const pinChangeCommand: Command = {
  path: ['pin', 'change'],
  summary: { it: 'cambia il PIN della carta', en: 'change the PIN of the card' },
  help: {
    it: `Uso: sigillo pin change [--token ETICHETTA] [--module PERCORSO] [--json]

Cambia il PIN utente. Il PIN attuale si legge da SIGILLO_PIN, il nuovo da SIGILLO_NEW_PIN; altrimenti
vengono chiesti senza eco (il nuovo due volte). Il nuovo PIN deve rispettare i limiti del dispositivo
(CNS: da 5 a 8 cifre): è controllato prima di usare la carta. Un solo tentativo: nessun nuovo tentativo
automatico.

  --token ETICHETTA  dispositivo da usare (etichetta o numero di serie) se ce n'è più d'uno
  --module PERCORSO  modulo PKCS#11 (altrimenti SIGILLO_PKCS11_MODULE, poi i percorsi noti)
  --json             risultato in JSON su stdout

Uscita: 0 PIN cambiato, 1 errore (PIN errato, formato non valido, PIN bloccato...), 2 uso errato.`,
    en: `Usage: sigillo pin change [--token LABEL] [--module PATH] [--json]

Changes the user PIN. The current PIN is read from SIGILLO_PIN, the new one from SIGILLO_NEW_PIN; otherwise
they are asked without echo (the new one twice). The new PIN must fit the device's limits (CNS: 5 to 8
digits): this is checked before the card is used. One attempt only: never retried automatically.

  --token LABEL  device to use (label or serial number) when there are several
  --module PATH  PKCS#11 module (else SIGILLO_PKCS11_MODULE, then the usual locations)
  --json         JSON result on stdout

Exit: 0 PIN changed, 1 error (wrong PIN, bad format, PIN blocked...), 2 usage error.`,
  },
  options: pinOptions,
  allowPositionals: false,
  run: (ctx) =>
    runPinOperation(ctx, {
      name: 'pin-change',
      precheck(token) {
        if (token.userPin.locked) throw new SigilloError('PIN_LOCKED', t(PIN_MESSAGES.locked));
        return pinWarning(token.userPin);
      },
      readSecret: readCurrentPin,
      apply: changePin,
      done: { it: 'PIN cambiato su "{l}".', en: 'PIN changed on "{l}".' },
    }),
};
