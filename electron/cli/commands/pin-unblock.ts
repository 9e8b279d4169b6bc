/** `sigillo pin unblock [--token L] [--module PATH] [--json]`: sets a new PIN with the PUK (SO login, C_InitPIN). */
import { SigilloError } from '../../core/errors';
import { pukWarning, unblockPin } from '../../core/pkcs11/pin-management';
import type { Command } from '../command';
import { readPuk } from '../pin-input';
import { pinOptions, runPinOperation } from '../pin-operation';

export const pinUnblockCommand: Command = {
  path: ['pin', 'unblock'],
  summary: { it: 'sblocca il PIN con il PUK', en: 'unblock the PIN with the PUK' },
  help: {
    it: `Uso: sigillo pin unblock [--token ETICHETTA] [--module PERCORSO] [--json]

Sblocca il PIN (o ne imposta uno nuovo) con il PUK della busta consegnata con la carta. Il PUK si legge da
SIGILLO_PUK, il nuovo PIN da SIGILLO_NEW_PIN; altrimenti vengono chiesti senza eco (il nuovo PIN due volte).
Il nuovo PIN deve rispettare i limiti del dispositivo (CNS: da 5 a 8 cifre). Un solo tentativo: se anche il
PUK si blocca il dispositivo non è più utilizzabile e va richiesto un nuovo dispositivo (prima la revoca).

  --token ETICHETTA  dispositivo da usare (etichetta o numero di serie) se ce n'è più d'uno
  --module PERCORSO  modulo PKCS#11 (altrimenti SIGILLO_PKCS11_MODULE, poi i percorsi noti)
  --json             risultato in JSON su stdout

Uscita: 0 PIN sbloccato, 1 errore (PUK errato o bloccato, formato non valido...), 2 uso errato.`,
    en: `Usage: sigillo pin unblock [--token LABEL] [--module PATH] [--json]

Unblocks the PIN (sets a new one) with the PUK from the envelope delivered with the card. The PUK is read from
SIGILLO_PUK, the new PIN from SIGILLO_NEW_PIN; otherwise they are asked without echo (the new PIN twice).
The new PIN must fit the device's limits (CNS: 5 to 8 digits). One attempt only: if the PUK gets blocked too
the device can no longer be used and a new one must be requested (revocation first).

  --token LABEL  device to use (label or serial number) when there are several
  --module PATH  PKCS#11 module (else SIGILLO_PKCS11_MODULE, then the usual locations)
  --json         JSON result on stdout

Exit: 0 PIN unblocked, 1 error (wrong or blocked PUK, bad format...), 2 usage error.`,
  },
  options: pinOptions,
  allowPositionals: false,
  run: (ctx) =>
    runPinOperation(ctx, {
      name: 'pin-unblock',
      precheck(token) {
        const warning = pukWarning(token.soPin);
        if (token.soPin.locked) throw new SigilloError('PUK_LOCKED', warning ?? '');
        return warning;
      },
      readSecret: readPuk,
      apply: unblockPin,
      done: { it: 'PIN sbloccato su "{l}".', en: 'PIN unblocked on "{l}".' },
    }),
};
