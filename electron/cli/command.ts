/** The shape every `sigillo` sub-command has; commands/index.ts lists them. */
import type { ParseArgsConfig } from 'node:util';
import type { Message } from '../core/i18n/translate';
import type { Output } from './output';
import type { HashThread } from '../core/pdf/range-hash-thread';

/** work the bin started before the program loaded (sigillo.ts), for the command to take or leave */
export interface EarlyWork {
  /** `verify BIG.pdf`: the PDF's range-hashing thread, already hashing (early-pdf-hash.ts) */
  pdfHash?: HashThread;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  out: Output;
  env: NodeJS.ProcessEnv;
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
