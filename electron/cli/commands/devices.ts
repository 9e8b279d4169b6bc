/** `sigillo devices [--json] [--module PATH]`: every token with its PIN status and certificates. */
import { t } from '../../core/i18n/translate';
import { EXIT_OK, type Command } from '../command';
import { moduleOption, withCardService } from '../card-options';
import { devicesReport } from '../cert-report';
import { certificateSummary, tokenHeader } from '../cert-text';
import { runDevicesWatch } from '../devices-watch';

export const devicesCommand: Command = {
  path: ['devices'],
  summary: {
    it: 'elenca carte e token con i loro certificati',
    en: 'list cards and tokens with their certificates',
  },
  help: {
    it: `Uso: sigillo devices [--json] [--module PERCORSO]
     sigillo devices --watch [--json] [--module PERCORSO]

Elenca i dispositivi (CNS, token USB) visti dal modulo PKCS#11: etichetta, produttore, modello, numero di serie,
stato di PIN e PUK, e i certificati con chiave privata (ruolo, codice fiscale, titolare, emittente, validità...).

  --module PERCORSO  modulo PKCS#11 da usare (altrimenti SIGILLO_PKCS11_MODULE, poi i percorsi noti)
  --watch            segue lettori e carte: una riga per evento (righe JSON con --json) fino a Ctrl-C
  --json             risultato in JSON su stdout`,
    en: `Usage: sigillo devices [--json] [--module PATH]
       sigillo devices --watch [--json] [--module PATH]

Lists the devices (CNS cards, USB tokens) the PKCS#11 module sees: label, manufacturer, model, serial number,
PIN and PUK status, and the certificates that have a private key (role, fiscal code, holder, issuer, validity...).

  --module PATH  PKCS#11 module to use (else SIGILLO_PKCS11_MODULE, then the usual locations)
  --watch        follow readers and cards: one line per event (JSON lines with --json) until Ctrl-C
  --json         JSON result on stdout`,
  },
  options: { ...moduleOption, watch: { type: 'boolean' } },
  allowPositionals: false,
  async run(ctx) {
    if (ctx.values.watch === true) return runDevicesWatch(ctx);
    return withCardService(ctx, (svc) => {
      const tokens = svc.listTokens();
      if (ctx.out.json) {
        ctx.out.result(devicesReport(svc.modulePath, tokens));
        return EXIT_OK;
      }
      ctx.out.line(`${t({ it: 'Modulo PKCS#11', en: 'PKCS#11 module' })}: ${svc.modulePath}`);
      if (tokens.length === 0) {
        ctx.out.warn(
          t({
            it: 'Nessuna carta o token trovato. Inserire la CNS nel lettore (o collegare il token USB).',
            en: 'No card or token found. Insert the CNS in the reader (or plug in the USB token).',
          }),
        );
      }
      for (const tk of tokens) {
        ctx.out.line('');
        for (const l of tokenHeader(tk)) ctx.out.line(l);
        ctx.out.line(`  ${t({ it: 'Certificati', en: 'Certificates' })}:`);
        if (tk.certificates.length === 0) ctx.out.line(`    ${t({ it: 'nessuno', en: 'none' })}`);
        for (const c of tk.certificates) for (const l of certificateSummary(c)) ctx.out.line(l);
      }
      return EXIT_OK;
    });
  },
};
