/** Help text of `sigillo sign`. */
import type { Message } from '../../core/i18n/translate';
import { PADES_HELP } from './sign-pades-options';
import { SIGN_LTV_HELP } from '../sign-ltv-options';

export const SIGN_HELP: Message = {
  it: `Uso: sigillo sign [--json] [--module PERCORSO] [--token ETICHETTA] [--cert ID] [--format auto|cades|pades|xades]
                    [--digest sha256|sha384|sha512] [--nest] [--detached] [--out CARTELLA] [--overwrite] FILE...

Firma ogni FILE con la carta: un solo PIN per tutti i file (variabile SIGILLO_PIN, altrimenti richiesto senza eco).
CAdES: FILE → FILE.p7m (CAdES-BES, DER). Se FILE è già un .p7m si aggiunge una firma parallela (stesso nome:
serve --out con un'altra cartella: l'ingresso non è mai sostituito); con --nest lo si racchiude in una nuova busta (FILE.p7m.p7m).
XAdES (--format xades, file XML/FatturaPA): firma XAdES-BES enveloped → NOME-signed.xml (con --out in
un'altra cartella resta lo stesso nome, come vuole lo SdI); con --level T (o --tsa) XAdES-T, con marca temporale.
${PADES_HELP.it}
${SIGN_LTV_HELP.it}

  --module PERCORSO  modulo PKCS#11 (altrimenti SIGILLO_PKCS11_MODULE, poi i percorsi noti)
  --token ETICHETTA  dispositivo da usare (etichetta o numero di serie); di default l'unico presente
  --cert ID          certificato (ID esadecimale); di default quello di firma (nonRepudiation)
  --format F         auto (default), cades, pades o xades
  --digest D         sha256 (default), sha384, sha512
  --nest             firma annidata di un .p7m invece della firma parallela
  --detached         firma separata: FILE → FILE.p7s (CAdES senza contenuto; per verificarla serve anche FILE)
  --out CARTELLA     dove scrivere i file firmati (default: accanto all'originale)
  --overwrite        sostituisce un file firmato già esistente (altrimenti errore)
  --json             risultato JSON: [{"input","output","format","error"?:{"code","message"}}]

Uscita: 0 tutto firmato, 1 almeno un errore, 2 uso errato.`,
  en: `Usage: sigillo sign [--json] [--module PATH] [--token LABEL] [--cert ID] [--format auto|cades|pades|xades]
                    [--digest sha256|sha384|sha512] [--nest] [--detached] [--out DIR] [--overwrite] FILE...

Signs every FILE with the card: one PIN for all files (SIGILLO_PIN variable, else asked without echo).
CAdES: FILE → FILE.p7m (CAdES-BES, DER). If FILE already is a .p7m a parallel signature is added (same name:
needs --out with another folder: the input is never replaced); with --nest it is wrapped in a new envelope (FILE.p7m.p7m).
XAdES (--format xades, XML/FatturaPA files): enveloped XAdES-BES signature → NAME-signed.xml (with --out to
another folder the name stays the same, as the SdI wants); with --level T (or --tsa) XAdES-T, with a timestamp.
${PADES_HELP.en}
${SIGN_LTV_HELP.en}

  --module PATH   PKCS#11 module (else SIGILLO_PKCS11_MODULE, then the usual locations)
  --token LABEL   device to use (label or serial number); by default the only one present
  --cert ID       certificate (hex ID); by default the signature (nonRepudiation) one
  --format F      auto (default), cades, pades or xades
  --digest D      sha256 (default), sha384, sha512
  --nest          nested signature of a .p7m instead of a parallel one
  --detached      detached signature: FILE → FILE.p7s (CAdES without the content; verifying it needs FILE too)
  --out DIR       where to write the signed files (default: next to the original)
  --overwrite     replace an existing signed file (otherwise an error)
  --json          JSON result: [{"input","output","format","error"?:{"code","message"}}]

Exit: 0 everything signed, 1 at least one error, 2 usage error.`,
};
