/**
 * `sigillo trust status [--json]`: the trusted lists saved by `trust update` (never uses the network).
 * Exit 0 when lists are saved and none is stale; 1 when none is saved or some list is past its next update.
 */
import { trustStatus } from '../../core/tsl/tsl-status';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command';
import { staleWarning, statusLines } from './trust-text';

const HELP = {
  it: `Uso: sigillo trust status [--json]

Mostra le liste di fiducia salvate: Stato, numero progressivo, data di emissione e di prossimo aggiornamento,
certificati CA/QC utilizzabili, e quali liste sono scadute. Non usa la rete.
Uscita 0 se le liste ci sono e nessuna è scaduta; 1 altrimenti.`,
  en: `Usage: sigillo trust status [--json]

Shows the saved trusted lists: territory, sequence number, issue and next-update dates, usable CA/QC
certificates, and which lists are stale. Does not use the network.
Exit 0 when lists are saved and none is stale; 1 otherwise.`,
};

export const trustStatusCommand: Command = {
  path: ['trust', 'status'],
  summary: { it: 'stato delle liste di fiducia salvate', en: 'state of the saved trusted lists' },
  help: HELP,
  options: {},
  allowPositionals: false,
  async run(ctx) {
    const st = await trustStatus(ctx.env);
    if (ctx.out.json) ctx.out.result(st);
    else {
      for (const line of statusLines(st)) ctx.out.line(line);
      const warning = staleWarning(st);
      if (warning) ctx.out.warn(warning);
    }
    return st.stale ? EXIT_FAILURE : EXIT_OK;
  },
};
