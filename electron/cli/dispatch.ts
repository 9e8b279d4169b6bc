import { parseArgs } from 'node:util';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command } from './command';
import type { EarlyWork } from './early-work';
import { makeOutput, reportError } from './output';
import { t } from '../core/i18n/translate';
import { sigilloVersion } from '../core/version';
import { groupCommands, groupHelp, parseErrorText, unknownCommandText, usageText } from './usage';

export function version(): string {
  return sigilloVersion();
}

/** The commands and their modules are loaded only when needed, so `sigillo --version` starts fast. */
async function loadCommands(): Promise<Command[]> {
  return (await import('./commands/index.js')).commands;
}

/**
 * `sigillo pin change …` → commands/pin-change.js exporting pinChangeCommand: loads only that command's code
 * (half a second less start-up than loading every command). Undefined when the naming does not match: the
 * full list in commands/index then decides.
 */
async function loadOne(words: string[]): Promise<{ cmd: Command; rest: string[] } | undefined> {
  for (const n of [2, 1]) {
    const path = words.slice(0, n);
    if (path.length !== n || !path.every((w) => /^[a-z]+$/.test(w))) continue;
    const name = path.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('') + 'Command';
    try {
      const mod = (await import(`./commands/${path.join('-')}.js`)) as Record<string, unknown>;
      const cmd = mod[name] as Command | undefined;
      if (cmd?.path.join(' ') === path.join(' ')) return { cmd, rest: words.slice(n) };
    } catch {
      // no such module
    }
  }
  return undefined;
}

function findCommand(commands: Command[], words: string[]): { cmd: Command; rest: string[] } | undefined {
  let best: { cmd: Command; rest: string[] } | undefined;
  for (const cmd of commands) {
    const n = cmd.path.length;
    if (words.length >= n && cmd.path.every((w, i) => words[i] === w)) {
      if (!best || n > best.cmd.path.length) best = { cmd, rest: words.slice(n) };
    }
  }
  return best;
}

export function generalHelp(commands: Command[]): string {
  const lines = [
    `sigillo ${version()} — ${t({ it: 'firma e verifica digitale con la CNS', en: 'digital signing and verification with the CNS' })}`,
    '',
    t({ it: 'Uso: sigillo <comando> [opzioni]', en: 'Usage: sigillo <command> [options]' }),
    '',
  ];
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  for (const c of commands) lines.push(`  ${c.path.join(' ').padEnd(width)}  ${t(c.summary)}`);
  lines.push(
    '',
    t({
      it: "'sigillo <comando> --help' per le opzioni.",
      en: "'sigillo <command> --help' for its options.",
    }),
  );
  return lines.join('\n');
}

export async function run(argv: string[], env: NodeJS.ProcessEnv, early?: EarlyWork): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-v' || first === 'version') {
    process.stdout.write(version() + '\n');
    return EXIT_OK;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(generalHelp(await loadCommands()) + '\n');
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const found = (await loadOne(argv)) ?? findCommand(await loadCommands(), argv);
  if (!found) {
    const commands = await loadCommands();
    const members = groupCommands(first, commands);
    if (members.length > 0 && (argv[1] === '--help' || argv[1] === '-h')) {
      process.stdout.write(groupHelp(first, members) + '\n');
      return EXIT_OK;
    }
    if (members.length > 0 && (argv[1] === undefined || argv[1].startsWith('-'))) {
      const names = members.map((c) => c.path.slice(1).join(' ')).join(', ');
      const message = t(
        { it: "'sigillo {g}' vuole un comando: {names}.", en: "'sigillo {g}' needs a command: {names}." },
        { g: first, names },
      );
      process.stderr.write(usageText([first], message) + '\n');
      return EXIT_USAGE;
    }
    process.stderr.write(unknownCommandText(argv, commands) + '\n');
    return EXIT_USAGE;
  }
  const { cmd, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`sigillo ${cmd.path.join(' ')} — ${t(cmd.summary)}\n\n${t(cmd.help)}\n`);
    return EXIT_OK;
  }
  const options = { json: { type: 'boolean' as const }, ...cmd.options };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: cmd.allowPositionals, strict: true });
  } catch (e) {
    process.stderr.write(parseErrorText(e, cmd, options) + '\n');
    return EXIT_USAGE;
  }
  const out = makeOutput(parsed.values.json === true);
  try {
    return await cmd.run({ values: parsed.values, positionals: parsed.positionals, out, env, early });
  } catch (e) {
    reportError(out, e);
    return EXIT_FAILURE;
  }
}
