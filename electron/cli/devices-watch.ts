/**
 * `sigillo devices --watch [--json] [--module PATH]`: one line per reader/card event (JSON lines with --json)
 * until Ctrl-C. Cards are matched to their PKCS#11 module through the ATR table (SIGILLO_ATR_EXTRA may name a
 * JSON file of extra entries, checked first) and their tokens are listed.
 */
import { readFileSync } from 'node:fs';
import { loadAtrTable, type CardEntryData } from '../core/card/atr-table';
import { SigilloError } from '../core/errors';
import { t } from '../core/i18n/translate';
import { findPkcs11Module, MODULE_ENV } from '../core/pkcs11/module-discovery';
import { CardMonitor } from '../core/pcsc/card-monitor';
import type { DeviceEvent } from '../core/pcsc/pcsc-events';
import { EXIT_FAILURE, EXIT_OK, type CommandContext } from './command';
import { stringOption } from './card-options';
import { describeEvent } from './devices-watch-text';

export const ATR_EXTRA_ENV = 'SIGILLO_ATR_EXTRA';

function extraCards(env: NodeJS.ProcessEnv): CardEntryData[] {
  const path = env[ATR_EXTRA_ENV];
  if (!path) return [];
  try {
    const list = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(list)) throw new Error('not a JSON array');
    return list as CardEntryData[];
  } catch (e) {
    throw new SigilloError(
      'ATR_TABLE_INVALID',
      t(
        { it: 'File {env} non valido ({path}): {why}', en: 'Invalid {env} file ({path}): {why}' },
        { env: ATR_EXTRA_ENV, path, why: (e as Error).message },
      ),
    );
  }
}

/** Resolves when the user interrupts (SIGINT/SIGTERM). */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.removeListener('SIGINT', done);
      process.removeListener('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export async function runDevicesWatch(ctx: CommandContext): Promise<number> {
  const table = loadAtrTable({ extraCards: extraCards(ctx.env) });
  const explicit = stringOption(ctx, 'module') ?? (ctx.env[MODULE_ENV] || undefined);
  // a module named by the user must exist (MODULE_NOT_FOUND now, not at every card)
  const override = explicit
    ? findPkcs11Module({ module: stringOption(ctx, 'module'), env: ctx.env })
    : undefined;
  const monitor = new CardMonitor({ table, moduleOverride: override, env: ctx.env, retryMs: 2000 });
  const print = (e: DeviceEvent) => {
    if (ctx.out.json) ctx.out.line(JSON.stringify({ time: new Date().toISOString(), ...e }));
    else if (e.type === 'error') ctx.out.warn(`✖ ${describeEvent(e)}`);
    else ctx.out.line(describeEvent(e));
  };
  monitor.on(print);
  const stop = interrupted();
  monitor.start();
  if (!monitor.isRunning) {
    // PC/SC is not there at all: the error line said why; a script should see a failure
    monitor.close();
    return EXIT_FAILURE;
  }
  if (!ctx.out.json) {
    ctx.out.warn(t({ it: 'In ascolto (Ctrl-C per uscire)…', en: 'Watching (Ctrl-C to stop)…' }));
  }
  await stop;
  monitor.close();
  return EXIT_OK;
}
