/**
 * `sigillo trust update [--json]`: downloads the EU list of trusted lists and every member-state list it points
 * to, verifies their signatures and saves them for `verify`. Exit 0 when every list was updated, 1 otherwise.
 */
import { t } from '../../core/i18n/translate';
import { updateTrustedLists } from '../../core/tsl/tsl-update';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command';
import { lotlUpdateLine, updateLine } from './trust-text';

const HELP = {
  it: `Uso: sigillo trust update [--json]

Scarica la lista europea delle liste di fiducia (LOTL), ne verifica la firma con i certificati pubblicati nella
Gazzetta ufficiale dell'UE, poi scarica e verifica la lista di ogni Stato membro (Italia: AgID) e le salva per
'sigillo verify'. Una lista che non si scarica o non si verifica conserva la copia precedente.
Variabili: SIGILLO_LOTL_URL (indirizzo della LOTL), SIGILLO_LOTL_TRUST (file PEM con i certificati ammessi a
firmare la LOTL, al posto di quelli incorporati), SIGILLO_DATA_DIR (cartella dei dati).
Uscita 0 se tutte le liste sono aggiornate; 1 altrimenti.`,
  en: `Usage: sigillo trust update [--json]

Downloads the EU list of trusted lists (LOTL), verifies its signature with the certificates published in the
Official Journal of the EU, then downloads and verifies every member state's list (Italy: AgID) and saves them
for 'sigillo verify'. A list that cannot be downloaded or verified keeps its previous copy.
Variables: SIGILLO_LOTL_URL (LOTL address), SIGILLO_LOTL_TRUST (PEM file of the certificates allowed to sign the
LOTL, replacing the built-in ones), SIGILLO_DATA_DIR (data folder).
Exit 0 when every list was updated; 1 otherwise.`,
};

export const trustUpdateCommand: Command = {
  path: ['trust', 'update'],
  summary: {
    it: 'scarica e verifica le liste di fiducia UE',
    en: 'download and verify the EU trusted lists',
  },
  help: HELP,
  options: {},
  allowPositionals: false,
  async run(ctx) {
    if (!ctx.out.json) ctx.out.warn(t({ it: 'Scarico la LOTL…', en: 'Downloading the LOTL…' }));
    const result = await updateTrustedLists({
      env: ctx.env,
      onLotl: (r) => {
        if (ctx.out.json) return;
        ctx.out.line(lotlUpdateLine(r));
        ctx.out.line(`  ${r.signer} (${r.signersOrigin})`);
      },
      onList: (r) => {
        if (!ctx.out.json) ctx.out.line(updateLine(r));
      },
    });
    if (ctx.out.json) ctx.out.result(result);
    return result.lists.every((r) => r.ok) ? EXIT_OK : EXIT_FAILURE;
  },
};
