/**
 * `sigillo timestamp` / `verify` / `extract` on .tsd, .tsr and .m7m against the loopback TSA, cross-checked with
 * openssl ts -verify (tokens pulled out of the files with asn1js / a plain MIME split, not with Sigillo's readers).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDateTime } from '../../shared/format/dates';
import { runCli } from '../support/cli';
import { opensslP7m, useTsa } from './support/ltv-fixture';

const fx = inject('fixture');
const svc = useTsa('sigillo-ts-cli-');
let trustBundle: string;

beforeAll(() => {
  trustBundle = join(svc.dir, 'trust.pem');
  writeFileSync(trustBundle, readFileSync(svc.pki.rootPem, 'utf8') + readFileSync(fx.pki.rootPem, 'utf8'));
});

/** `sigillo verify --json --offline --no-tsl --trust <TSA root + card root>` on one file */
function verifyJson(file: string) {
  return runCli(['verify', '--json', '--offline', '--no-tsl', '--trust', trustBundle, file]);
}

function opensslTsVerify(data: string, args: string[]): string {
  return execFileSync('openssl', ['ts', '-verify', '-data', data, ...args, '-CAfile', svc.pki.rootPem], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** RFC 5544 parsed with asn1js: ContentInfo → [0] → TimeStampedData → last field [0] → first TimeStampAndCRL */
function tokenOfTsd(path: string): { token: Buffer; content: Buffer } {
  const bytes = readFileSync(path);
  const ci = asn1js.fromBER(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const tsd = ((ci.result as asn1js.Sequence).valueBlock.value[1] as asn1js.Constructed).valueBlock
    .value[0] as asn1js.Sequence;
  const fields = tsd.valueBlock.value;
  const content = fields.find((f) => f instanceof asn1js.OctetString) as asn1js.OctetString;
  const evidence = fields[fields.length - 1] as asn1js.Constructed;
  const first = evidence.valueBlock.value[0] as asn1js.Sequence;
  return {
    token: Buffer.from(first.valueBlock.value[0]!.toBER()),
    content: Buffer.from(content.valueBlock.valueHexView),
  };
}

function mimeParts(text: string): { headers: string; body: Buffer }[] {
  const boundary = /boundary="([^"]+)"/.exec(text)![1]!;
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const [headers, body] = p.split('\r\n\r\n');
      return { headers: headers!, body: Buffer.from(body!.replace(/\s+/g, ''), 'base64') };
    });
}

describe('sigillo timestamp → .tsd', () => {
  it('writes an RFC 5544 .tsd whose token openssl accepts; verify shows the time; extract gives the file back', async () => {
    const d = svc.fresh('tsd');
    const file = join(d, 'relazione.bin');
    const original = randomBytes(300_000);
    writeFileSync(file, original);
    const r = await runCli(['timestamp', '--json', '--tsa', svc.tsa.url, file]);
    expect(r.code, r.stderr).toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res.output).toBe(`${file}.tsd`);
    expect(Math.abs(Date.parse(res.genTime) - Date.now())).toBeLessThan(120_000);
    const { token, content } = tokenOfTsd(`${file}.tsd`);
    expect(content.equals(original)).toBe(true);
    writeFileSync(join(d, 'token.der'), token);
    expect(
      opensslTsVerify(file, ['-token_in', '-in', join(d, 'token.der'), '-untrusted', svc.pki.tsaCertPem]),
    ).toMatch(/Verification: OK/);

    const v = await verifyJson(`${file}.tsd`);
    const [report] = JSON.parse(v.stdout);
    expect(report.format).toBe('tsd');
    expect(report.error).toBeNull();
    expect(report.timestamps).toHaveLength(1);
    expect(report.timestamps[0]).toMatchObject({
      genTime: res.genTime,
      integrity: 'valid',
      imprintMatches: true,
    });
    expect(report.timestamps[0].tsa).toBe('Sigillo Test Time Stamping Unit');
    expect(report.timestamps[0].chain.at(-1).trustAnchor).toBe(true);

    const out = svc.fresh('tsd-out');
    const x = await runCli(['extract', '--json', '--out', out, `${file}.tsd`]);
    expect(x.code, x.stderr + x.stdout).toBe(0);
    expect(readFileSync(join(out, 'relazione.bin')).equals(original)).toBe(true);
  });

  it('a changed byte in the .tsd content: verify reports it, extract refuses and leaves nothing', async () => {
    const d = svc.fresh('tsd-tamper');
    const file = join(d, 'doc.txt');
    writeFileSync(file, 'contenuto da marcare '.repeat(50));
    expect((await runCli(['timestamp', '--tsa', svc.tsa.url, file])).code).toBe(0);
    const bytes = readFileSync(`${file}.tsd`);
    const at = bytes.indexOf(Buffer.from('contenuto da marcare'));
    bytes[at + 3] = (bytes[at + 3] as number) ^ 0x01;
    writeFileSync(`${file}.tsd`, bytes);
    const v = await verifyJson(`${file}.tsd`);
    const [report] = JSON.parse(v.stdout);
    expect(report.timestamps[0]).toMatchObject({ integrity: 'invalid', imprintMatches: false });
    expect(report.timestamps[0].indication).toBe('TOTAL_FAILED');
    expect(v.code).toBe(1);
    const out = svc.fresh('tsd-tamper-out');
    const x = await runCli(['extract', '--json', '--out', out, `${file}.tsd`]);
    expect(x.code).toBe(1);
    expect(JSON.parse(x.stdout)[0].error.code).toBe('INTEGRITY_FAILED');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('sigillo verify text output for timestamps', () => {
  it('prints the proven time and the TSA for a .tsd, and that its content is not signed', async () => {
    const d = svc.fresh('text');
    const file = join(d, 'nota.txt');
    writeFileSync(file, 'nota');
    const r = await runCli(['timestamp', '--json', '--tsa', svc.tsa.url, file]);
    const genTime = formatDateTime(JSON.parse(r.stdout)[0].genTime as string); // Rome local time
    const v = await runCli(['verify', '--offline', '--no-tsl', '--trust', trustBundle, `${file}.tsd`]);
    expect(v.stdout).toContain(`timestamp of ${genTime} — Sigillo Test Time Stamping Unit`);
    expect(v.stdout).toMatch(/no signature: the timestamped content is not signed/);
    // the test TSA publishes no revocation data: offline, its certificate status stays unknown
    expect(v.stdout).toMatch(/INDETERMINATE\/TRY_LATER/);
    expect(v.code).toBe(1);
  });
});

describe('sigillo timestamp → .tsr and .m7m', () => {
  it('--format tsr writes the TSA answer: openssl ts -verify -data FILE accepts it, verify finds the file beside', async () => {
    const d = svc.fresh('tsr');
    const file = join(d, 'fattura.xml');
    writeFileSync(file, '<fattura>1</fattura>');
    const r = await runCli(['timestamp', '--json', '--format', 'tsr', '--tsa', svc.tsa.url, file]);
    expect(r.code, r.stderr).toBe(0);
    expect(opensslTsVerify(file, ['-in', `${file}.tsr`, '-untrusted', svc.pki.tsaCertPem])).toMatch(
      /Verification: OK/,
    );
    const v = await verifyJson(`${file}.tsr`);
    const [report] = JSON.parse(v.stdout);
    expect(report).toMatchObject({ format: 'tsr', content: file });
    expect(report.timestamps[0]).toMatchObject({
      integrity: 'valid',
      genTime: JSON.parse(r.stdout)[0].genTime,
    });
    writeFileSync(file, '<fattura>2</fattura>');
    const v2 = await verifyJson(`${file}.tsr`);
    expect(JSON.parse(v2.stdout)[0].timestamps[0].integrity).toBe('invalid');
    const x = await runCli(['extract', '--json', `${file}.tsr`]);
    expect(JSON.parse(x.stdout)[0].error.code).toBe('TIMESTAMP_DETACHED');
  });

  it('--format m7m on a signed p7m: MIME p7m + tsr parts, verify shows signature and timestamp, extract gives the document', async () => {
    const d = svc.fresh('m7m');
    const doc = join(d, 'contratto.txt');
    writeFileSync(doc, 'Contratto di prova firmato e marcato.\n');
    const p7m = opensslP7m(doc, fx.pki.signature, fx.pki.caPem);
    const r = await runCli(['timestamp', '--json', '--format', 'm7m', '--tsa', svc.tsa.url, p7m]);
    expect(r.code, r.stderr).toBe(0);
    const m7m = join(d, 'contratto.txt.m7m');
    expect(JSON.parse(r.stdout)[0].output).toBe(m7m);
    const text = readFileSync(m7m, 'latin1');
    expect(text).toMatch(/^MIME-Version: 1\.0\r\nContent-Type: multipart\/mixed; boundary="/);
    const parts = mimeParts(text);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.headers).toMatch(/application\/pkcs7-mime/);
    expect(parts[0]!.body.equals(readFileSync(p7m))).toBe(true);
    expect(parts[1]!.headers).toMatch(/application\/timestamp-reply/);
    writeFileSync(join(d, 'part.tsr'), parts[1]!.body);
    expect(opensslTsVerify(p7m, ['-in', join(d, 'part.tsr'), '-untrusted', svc.pki.tsaCertPem])).toMatch(
      /Verification: OK/,
    );

    const v = await verifyJson(m7m);
    const [report] = JSON.parse(v.stdout);
    expect(report.format).toBe('m7m');
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ integrity: 'valid' });
    expect(report.signatures[0].signer.fiscalCode).toBe('RSSMRA80A01H501U');
    expect(report.timestamps[0]).toMatchObject({ integrity: 'valid', imprintMatches: true });

    const out = svc.fresh('m7m-out');
    const x = await runCli(['extract', '--json', '--out', out, m7m]);
    expect(x.code, x.stdout + x.stderr).toBe(0);
    expect(readFileSync(join(out, 'contratto.txt')).equals(readFileSync(doc))).toBe(true);
  });

  it('--format m7m on an unsigned file is refused with a plain message', async () => {
    const d = svc.fresh('m7m-plain');
    const file = join(d, 'plain.txt');
    writeFileSync(file, 'not signed');
    const r = await runCli(['timestamp', '--json', '--format', 'm7m', '--tsa', svc.tsa.url, file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].error.code).toBe('M7M_NEEDS_P7M');
    expect(readdirSync(d)).toEqual(['plain.txt']);
  });
});
