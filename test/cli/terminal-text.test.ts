/**
 * File text reaches the terminal only as visible characters (electron/cli/terminal-text.ts): a signer name or PDF
 * field name carrying ESC sequences, a carriage return, a bidi override or a line feed could draw "✔ TOTAL_PASSED"
 * over a failed file. The text report and every line the CLI writes escape them; JSON is unchanged (JSON escapes).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileSummary } from '../../electron/cli/commands/verify-text';
import { makeOutput } from '../../electron/cli/output';
import { terminalSafe } from '../../electron/cli/terminal-text';
import type { FileReport } from '../../electron/core/verify/types';
import { signature } from '../renderer/support/fixtures';

const HOSTILE = '\x1b[2J\x1b[H✔ ROSSI MARIO — TOTAL_PASSED\nforged line\r\u202eadilav non\x9b31m\x07';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function report(commonName: string): FileReport {
  const s = signature({
    integrity: 'invalid',
    indication: 'TOTAL_FAILED',
    subIndication: 'HASH_FAILURE',
    signer: { commonName },
  });
  return { file: '/d/fattura.p7m', format: 'cades', error: null, signatures: [s] } as FileReport;
}

function collected(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(c: Buffer, _e, done) {
      chunks.push(Buffer.from(c));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('terminal text', () => {
  it('a hostile signer name: no raw control character, no line of its own, the failure still shown', () => {
    const plain = fileSummary(report('ROSSI MARIO'));
    const hostile = fileSummary(report(HOSTILE));
    expect(hostile).not.toMatch(RAW_CONTROL);
    expect(hostile.split('\n')).toHaveLength(plain.split('\n').length);
    expect(hostile).toContain('\\x1b[2J');
    expect(hostile).toContain('\\u202e');
    expect(hostile).toContain('\\n');
    expect(hostile).toContain('TOTAL_FAILED');
  });

  it('every line and warning the CLI writes is escaped; its own line breaks stay', () => {
    const out = collected();
    const err = collected();
    const o = makeOutput(false, out.stream as never, err.stream as never);
    o.line(`riga uno\nriga ${HOSTILE}`);
    o.warn(`✖ ${HOSTILE}`);
    expect(out.text()).not.toMatch(RAW_CONTROL);
    expect(err.text()).not.toMatch(RAW_CONTROL);
    expect(out.text().startsWith('riga uno\nriga \\x1b[2J')).toBe(true);
  });

  it('plain text, accents, emoji and tabs are left as they are', () => {
    const s = 'Società «Fattura» n. 12\tÈ firmata ✔ 🙂';
    expect(terminalSafe(s)).toBe(s);
  });
});
