/**
 * Usage errors in the user's language, short: what is wrong, a "did you mean" when a known word is close, and
 * where the full help is — never the whole help text. Also the help of a command group (`sigillo pin --help`).
 */
import { t } from '../core/i18n/translate';
import type { Command, OptionsConfig } from './command';
import { closest } from './did-you-mean';

const MEAN = { it: 'Forse intendevi «{w}»?', en: 'Did you mean "{w}"?' };

function helpPointer(path: string[] | null): string {
  const cmd = path ? `sigillo ${path.join(' ')} --help` : 'sigillo --help';
  return t({ it: "'{cmd}' per l'aiuto completo.", en: "'{cmd}' for the full help." }, { cmd });
}

/** A usage error for a command (or for sigillo itself when path is null): the message, then the pointer. */
export function usageText(path: string[] | null, message: string, suggestion?: string): string {
  const mean = suggestion ? ` ${t(MEAN, { w: suggestion })}` : '';
  return `${message}${mean}\n${helpPointer(path)}`;
}

/** Words after `sigillo` that name no command: the nearest command (or group) offered. */
export function unknownCommandText(words: string[], commands: Command[]): string {
  const typed = words.slice(0, 2).join(' ');
  const names = [...new Set(commands.flatMap((c) => [c.path.join(' '), c.path[0]!]))];
  const first = words[0] ?? '';
  const suggestion =
    closest(typed, names) ?? (words.length > 1 ? closest(first, names) : undefined) ?? undefined;
  return usageText(
    null,
    t({ it: 'Comando sconosciuto: {c}.', en: 'Unknown command: {c}.' }, { c: typed || first }),
    suggestion,
  );
}

function optionNames(options: OptionsConfig): string[] {
  return Object.keys(options).map((n) => `--${n}`);
}

/** The message of a node:util parseArgs failure, in the user's language, with a suggestion for a typo. */
export function parseErrorText(e: unknown, cmd: Command, options: OptionsConfig): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
  const name = quoted.split(/[ =]/)[0] ?? quoted;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usageText(
        cmd.path,
        t({ it: 'Opzione sconosciuta: {o}.', en: 'Unknown option: {o}.' }, { o: name }),
        closest(name.replace(/=.*$/, ''), optionNames(options)),
      );
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const takesValue = options[name.replace(/^--?/, '')]?.type === 'string';
      return usageText(
        cmd.path,
        takesValue
          ? t({ it: "L'opzione {o} vuole un valore.", en: 'Option {o} needs a value.' }, { o: name })
          : t({ it: "L'opzione {o} non vuole un valore.", en: 'Option {o} takes no value.' }, { o: name }),
      );
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return usageText(
        cmd.path,
        t(
          {
            it: 'Argomento inatteso: {a} (il comando non vuole file).',
            en: 'Unexpected argument: {a} (the command takes no files).',
          },
          { a: quoted },
        ),
      );
    default:
      return usageText(cmd.path, err.message ?? String(e));
  }
}

/** The commands under a group word (`pin` → pin change, pin unblock); empty when the word is no group. */
export function groupCommands(word: string | undefined, commands: Command[]): Command[] {
  return commands.filter((c) => c.path.length > 1 && c.path[0] === word);
}

/** `sigillo pin --help`: the group's commands with their one-line summary and the pointer to each help. */
export function groupHelp(group: string, members: Command[]): string {
  const width = Math.max(...members.map((c) => c.path.join(' ').length));
  const lines = [
    t(
      { it: 'Uso: sigillo {g} <comando> [opzioni]', en: 'Usage: sigillo {g} <command> [options]' },
      { g: group },
    ),
    '',
    ...members.map((c) => `  sigillo ${c.path.join(' ').padEnd(width)}  ${t(c.summary)}`),
    '',
    t(
      {
        it: "'sigillo {g} <comando> --help' per le opzioni.",
        en: "'sigillo {g} <command> --help' for its options.",
      },
      { g: group },
    ),
  ];
  return lines.join('\n');
}
