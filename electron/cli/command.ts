/** The shape every `sigillo` sub-command has; commands/index.ts lists them. */
import type { ParseArgsConfig } from 'node:util';
import type { Message } from '../core/i18n/translate';
import type { Output } from './output';
import type { EarlyWork } from './early-work';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  out: Output;
  env: NodeJS.ProcessEnv;
  /** what the entry started before the program loaded (early-work.ts), for the command to use */
  early?: EarlyWork;
}

export interface Command {
  /** words after `sigillo`, e.g. ['sign'] or ['pin', 'change'] */
  path: string[];
  summary: Message;
  /** usage line(s) and option descriptions, shown by `sigillo <command> --help` */
  help: Message;
  options: OptionsConfig;
  allowPositionals: boolean;
  run(ctx: CommandContext): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
