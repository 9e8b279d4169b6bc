/** Where the CLI writes: results on stdout (JSON or text), messages and progress on stderr. */
import { formatBytes as sizeText } from '../../shared/format/numbers';
import { getLang } from '../core/i18n/translate';
import { cliErrorInfo } from './error-hints';
import { terminalSafe } from './terminal-text';

export interface Output {
  json: boolean;
  /** a result line (text mode) */
  line(text: string): void;
  /** the whole JSON result (json mode) */
  result(value: unknown): void;
  /** the whole JSON result, already printed as `result` prints it, as the UTF-8 of its parts (json mode) */
  resultJson(parts: Uint8Array[]): void;
  /** a message for the user on stderr */
  warn(text: string): void;
  /** progress on stderr, only when stderr is a terminal */
  progress(label: string, done: number, total: number): void;
  progressDone(): void;
}

const NEWLINE = Buffer.from('\n');

export function makeOutput(json: boolean, stdout = process.stdout, stderr = process.stderr): Output {
  const tty = Boolean(stderr.isTTY);
  let lastDraw = 0;
  return {
    json,
    // text mode shows file contents (names, fields): never a raw control character (terminal-text.ts)
    line: (text) => void stdout.write(terminalSafe(text) + '\n'),
    result: (value) => void stdout.write(JSON.stringify(value, null, 2) + '\n'),
    resultJson: (parts) => void stdout.write(Buffer.concat([...parts, NEWLINE])),
    warn: (text) => void stderr.write(terminalSafe(text) + '\n'),
    progress(label, done, total) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stderr.write(
        `\r${label}: ${sizeText(done, getLang())} / ${sizeText(total, getLang())} (${pct}%)\x1b[K`,
      );
    },
    progressDone() {
      if (tty) stderr.write('\r\x1b[K');
    },
  };
}

/** Prints an error without a stack trace. */
export function reportError(out: Output, e: unknown): void {
  const info = cliErrorInfo(e);
  if (out.json) out.result({ error: info });
  else out.warn(`✖ ${info.message}`);
}
