/** `sigillo cert [--json] [--token L] [--cert ID] [--module PATH]`: full details of a token's certificates. */
import { t } from '../../core/i18n/translate';
import { EXIT_OK, type Command } from '../command';
import { stringOption, tokenOptions, withCardService } from '../card-options';
import { certReport } from '../cert-report';
import { certificateDetails, tokenHeader } from '../cert-text';
import { addRenewalJson, readTokenRenewal, renewalLine } from '../cert-renewal';

export const certCommand: Command = {
  path: ['cert'],
  summary: { it: 'mostra i dettagli dei certificati', en: 'show certificate details' },
  help: {
    it: `Uso: sigillo cert [--json] [--token ETICHETTA] [--cert ID] [--module PERCORSO]

Mostra tutti i dettagli dei certificati con chiave privata del dispositivo scelto (prima quello di firma),
oppure solo quello indicato con --cert.

  --token ETICHETTA  dispositivo da usare (etichetta o numero di serie; necessario se ce n'è più di uno)
  --cert ID          solo il certificato con questo ID (esadecimale, come in 'sigillo devices')
  --module PERCORSO  modulo PKCS#11 da usare
  --json             risultato in JSON su stdout (con il certificato in PEM)`,
    en: `Usage: sigillo cert [--json] [--token LABEL] [--cert ID] [--module PATH]

Shows every detail of the certificates that have a private key on the chosen device (signature first), or
only the one named with --cert.

  --token LABEL  device to use (label or serial number; needed when there are several)
  --cert ID      only the certificate with this ID (hex, as shown by 'sigillo devices')
  --module PATH  PKCS#11 module to use
  --json         JSON result on stdout (with the certificate in PEM)`,
  },
  options: { ...tokenOptions },
  allowPositionals: false,
  async run(ctx) {
    return withCardService(ctx, async (svc) => {
      const token = svc.findToken(stringOption(ctx, 'token'));
      const certId = stringOption(ctx, 'cert');
      const certs = certId ? [svc.chooseCertificate(token, certId)] : token.certificates;
      const renewal = await readTokenRenewal(token, ctx.env);
      if (ctx.out.json) {
        const report = certReport(token, certs);
        addRenewalJson(report, renewal);
        ctx.out.result(report);
        return EXIT_OK;
      }
      for (const l of tokenHeader(token)) ctx.out.line(l);
      const line = renewalLine(renewal);
      if (line) ctx.out.line(line);
      if (certs.length === 0) {
        ctx.out.line(
          t({ it: 'Nessun certificato con chiave privata.', en: 'No certificate with a private key.' }),
        );
      }
      for (const c of certs) {
        ctx.out.line('');
        for (const l of certificateDetails(c)) ctx.out.line(l);
      }
      return EXIT_OK;
    });
  },
};
