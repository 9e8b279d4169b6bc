/**
 * Text from a file (a signer's name, a PDF field name, a ZIP entry, an invoice party) reaches the terminal only
 * as visible characters: a control character (C0 but the line feed and tab, DEL, C1) or a bidirectional override
 * is written as its escape (`\x1b`, `\u202e`). Raw, an ESC sequence could clear the screen and draw "✔
 * TOTAL_PASSED" over a failed file, a carriage return overwrite a warning, a right-to-left override reverse it.
 */

/** C0 controls but TAB and LF, DEL, C1; the bidi marks, embeddings, overrides and isolates; line/paragraph separators */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every unsafe character written as its escape (line feeds kept: the caller's own line breaks) */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** one line of output built from file text: its line feeds too are escaped (a name cannot start a fake line) */
export function oneLine(text: string): string {
  return terminalSafe(text).replace(/\n/g, '\\n');
}
