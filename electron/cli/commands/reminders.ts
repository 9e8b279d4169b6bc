/**
 * `sigillo reminders`: the expiry reminders kept in <user data folder>/reminders.json (SIGILLO_DATA_DIR overrides
 * the folder). Lists what applies now without marking it shown; --scan remembers the certificates of the token(s)
 * (no PIN); --snooze / --on / --off / --forget change the settings.
 */
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { Pkcs11Service } from '../../core/pkcs11/pkcs11-service';
import { defaultRemindersPath, JsonFileReminderStore } from '../../core/renewal/reminder-file-store';
import { ReminderScheduler } from '../../core/renewal/reminder-scheduler';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command';
import { usageText } from '../usage';
import { printReminders, remindersJson } from './reminders-output';

const HELP = {
  it: `Uso: sigillo reminders [--json] [--all]
       sigillo reminders --scan [--token ETICHETTA] [--module PERCORSO]
       sigillo reminders --snooze AAAA-MM-GG | --snooze off
       sigillo reminders --on | --off
       sigillo reminders --forget IMPRONTA

Elenca i promemoria di scadenza validi oggi (senza segnarli come mostrati).
  --all            anche ogni certificato ricordato, con il suo stato di rinnovo
  --scan           ricorda i certificati della carta (nessun PIN richiesto)
  --token L        solo il token con questa etichetta (con --scan)
  --module P       modulo PKCS#11 da usare (con --scan)
  --snooze DATA    nessun promemoria prima di DATA (Europe/Rome); "off" annulla
  --on, --off      attiva o disattiva i promemoria
  --forget FP      dimentica il certificato con questa impronta SHA-256
I dati stanno in reminders.json nella cartella utente di Sigillo (variabile SIGILLO_DATA_DIR per cambiarla).`,
  en: `Usage: sigillo reminders [--json] [--all]
       sigillo reminders --scan [--token LABEL] [--module PATH]
       sigillo reminders --snooze YYYY-MM-DD | --snooze off
       sigillo reminders --on | --off
       sigillo reminders --forget FINGERPRINT

Lists the expiry reminders that apply today (without marking them shown).
  --all            also every remembered certificate with its renewal state
  --scan           remember the certificates on the card (no PIN needed)
  --token L        only the token with this label (with --scan)
  --module P       PKCS#11 module to use (with --scan)
  --snooze DATE    no reminder before DATE (Europe/Rome); "off" ends the snooze
  --on, --off      turn reminders on or off
  --forget FP      forget the certificate with this SHA-256 fingerprint
Data lives in reminders.json in Sigillo's user folder (SIGILLO_DATA_DIR changes it).`,
};

function usage(message: string): SigilloError {
  return new SigilloError('USAGE', message);
}

function checkCombination(v: CommandContext['values']): void {
  const actions = ['scan', 'snooze', 'on', 'off', 'forget'].filter((k) => v[k] !== undefined);
  if (actions.length > 1) {
    throw usage(
      t(
        { it: 'Opzioni incompatibili: {o}.', en: 'These options cannot be used together: {o}.' },
        { o: actions.map((a) => `--${a}`).join(', ') },
      ),
    );
  }
  if ((v.token !== undefined || v.module !== undefined) && v.scan === undefined) {
    throw usage(
      t({ it: '--token e --module vanno con --scan.', en: '--token and --module go with --scan.' }),
    );
  }
}

async function scan(scheduler: ReminderScheduler, ctx: CommandContext): Promise<number> {
  const service = Pkcs11Service.discover({ module: ctx.values.module as string | undefined, env: ctx.env });
  try {
    const label = ctx.values.token as string | undefined;
    const tokens = label !== undefined ? [service.findToken(label)] : service.listTokens();
    let count = 0;
    for (const token of tokens) {
      const infos = [...token.certificates, ...token.caCertificates].map((c) => c.info);
      await scheduler.remember(infos, { serialNumber: token.serialNumber });
      count += infos.filter((i) => !i.isCA).length;
    }
    return count;
  } finally {
    service.close();
  }
}

async function applySettings(scheduler: ReminderScheduler, v: CommandContext['values']): Promise<void> {
  if (v.on) await scheduler.setEnabled(true);
  if (v.off) await scheduler.setEnabled(false);
  if (typeof v.snooze === 'string') await scheduler.snooze(v.snooze === 'off' ? undefined : v.snooze);
  if (typeof v.forget === 'string' && !(await scheduler.forget(v.forget))) {
    throw new SigilloError(
      'CERT_NOT_REMEMBERED',
      t(
        {
          it: 'Nessun certificato ricordato con impronta {fp}.',
          en: 'No remembered certificate with fingerprint {fp}.',
        },
        { fp: v.forget },
      ),
    );
  }
}

export const remindersCommand: Command = {
  path: ['reminders'],
  summary: { it: 'promemoria di scadenza dei certificati', en: 'certificate expiry reminders' },
  help: HELP,
  options: {
    all: { type: 'boolean' },
    scan: { type: 'boolean' },
    token: { type: 'string' },
    module: { type: 'string' },
    snooze: { type: 'string' },
    on: { type: 'boolean' },
    off: { type: 'boolean' },
    forget: { type: 'string' },
  },
  allowPositionals: false,
  async run(ctx) {
    try {
      checkCombination(ctx.values);
    } catch (e) {
      ctx.out.warn(usageText(['reminders'], (e as Error).message));
      return EXIT_USAGE;
    }
    const store = new JsonFileReminderStore(defaultRemindersPath(ctx.env));
    const scheduler = new ReminderScheduler(store);
    const scanned = ctx.values.scan ? await scan(scheduler, ctx) : undefined;
    await applySettings(scheduler, ctx.values);
    const now = new Date();
    const report = await remindersJson(scheduler, now, ctx.values.all === true, scanned);
    if (ctx.out.json) ctx.out.result({ file: store.path, ...report });
    else printReminders(ctx.out, report);
    return EXIT_OK;
  },
};
