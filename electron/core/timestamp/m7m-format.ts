/**
 * The .m7m envelope Italian signing tools (Dike, ArubaSign, …) write for "firma + marca temporale": a MIME
 * message, multipart/mixed, with two base64 parts — the signed .p7m and the RFC 3161 time-stamp answer (.tsr)
 * over the p7m's bytes. Written here with CRLF lines and 76-character base64 lines (RFC 2045 §6.8); read back
 * tolerantly (any line ending, parts recognised by their content, not only by their headers).
 */
import { randomBytes } from 'node:crypto';

export interface M7mNames {
  /** file name of the p7m part, e.g. "contratto.pdf.p7m" */
  p7mName: string;
  /** file name of the timestamp part, e.g. "contratto.pdf.tsr" */
  tsrName: string;
}

const CRLF = '\r\n';

export function newBoundary(): string {
  return `----=_Sigillo_${randomBytes(12).toString('hex')}`;
}

const quoted = (s: string) => s.replace(/["\\\r\n]/g, '_');

export function m7mHead(boundary: string, names: M7mNames): string {
  return (
    [
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      'This is a multi-part message in MIME format.',
      '',
    ].join(CRLF) +
    CRLF +
    partHeader(boundary, 'application/pkcs7-mime; smime-type=signed-data', names.p7mName)
  );
}

function partHeader(boundary: string, type: string, name: string): string {
  const n = quoted(name);
  return [
    `--${boundary}`,
    `Content-Type: ${type}; name="${n}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${n}"`,
    '',
    '',
  ].join(CRLF);
}

export function m7mTail(boundary: string, names: M7mNames, tsr: Uint8Array): string {
  return (
    partHeader(boundary, 'application/timestamp-reply', names.tsrName) +
    base64Lines(tsr) +
    `--${boundary}--${CRLF}`
  );
}

/** base64 in lines of 76 characters, each ending with CRLF (input whole: for small parts). */
export function base64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 76) out += b64.slice(i, i + 76) + CRLF;
  return out;
}

/**
 * Streaming base64 line encoder: feed chunks, get whole 57-byte groups (76 characters + CRLF each) out; `end()`
 * gives the rest.
 */
export class Base64LineEncoder {
  #pending: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): Uint8Array {
    const all = Buffer.concat([this.#pending, chunk]);
    const whole = all.length - (all.length % 57);
    this.#pending = all.subarray(whole);
    return Buffer.from(base64Lines(all.subarray(0, whole)), 'latin1');
  }

  end(): Uint8Array {
    const rest = base64Lines(this.#pending);
    this.#pending = Buffer.alloc(0);
    return Buffer.from(rest, 'latin1');
  }
}
