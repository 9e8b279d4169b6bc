/**
 * The JSON of `sigillo verify --json` made one report at a time (electron/core/validate/report-json.ts, used when
 * verifier threads print the reports they verify): the same bytes as JSON.stringify(reports, null, 2) — on real
 * reports (valid, tampered, cut, not a signature, detached, nested; any count, none included) and on random JSON
 * values of every kind (strings with line breaks, escapes, quotes and non-ASCII, empty and nested arrays and
 * objects, undefined and function values, toJSON), as text and as the UTF-8 of its parts; and `passed` is the exit-code rule for one file
 * (report-passed.ts): no error, some signature (a .tsr: its timestamp), every one TOTAL_PASSED, counter-signatures too.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openVerification, verifyFiles } from '../../electron/core/validate/session';
import {
  isPrinted,
  jsonArray,
  jsonArrayParts,
  jsonElement,
  utf8Bytes,
  printReport,
  printUnlessError,
} from '../../electron/core/validate/report-json';
import { reportPassed } from '../../electron/core/validate/report-passed';
import type { FileReport } from '../../electron/core/verify/types';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
let reports: FileReport[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(fx.root, 'report-json-'));
  mkdirSync(join(dir, 'in'));
  const sign = (input: string, out: string, flags = ['-nodetach']) => {
    opensslCmsSign({ input, out, signer: fx.pki.signature, certfile: fx.pki.caPem, flags });
    return out;
  };
  const doc = join(dir, 'in', 'fattura.xml');
  writeFileSync(doc, `<Fattura>"virgolette" \\ à€ ${'riga\n'.repeat(50)}</Fattura>\n`);
  const good = sign(doc, join(dir, 'good.xml.p7m'));
  const bytes = readFileSync(good);
  const tampered = join(dir, 'tampered.xml.p7m');
  const flipped = Buffer.from(bytes);
  const at = flipped.indexOf('riga');
  flipped[at] = (flipped[at] as number) ^ 1;
  writeFileSync(tampered, flipped);
  const cut = join(dir, 'cut.xml.p7m');
  writeFileSync(cut, bytes.subarray(0, 700));
  const garbage = join(dir, 'garbage.p7m');
  writeFileSync(garbage, 'not a signature\n');
  const detached = sign(doc, join(dir, 'in', 'fattura.xml.p7s'), []);
  const nested = sign(good, join(dir, 'nested.xml.p7m.p7m'));
  const opts = await openVerification({ trustFiles: [fx.pki.rootPem], offline: true });
  reports = await verifyFiles([good, tampered, cut, garbage, detached, nested], opts);
});

/** a small seeded generator (the same cases every run) */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'a',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '"',
  '\\',
  '/',
  'à',
  '€',
  '𝄞',
  '\u2028',
  '\u0000',
  '}',
  ']',
  ',\n  ',
];

function randomValue(r: () => number, depth: number): unknown {
  const kind = Math.floor(r() * (depth > 3 ? 7 : 10));
  const str = () =>
    Array.from({ length: Math.floor(r() * 6) }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.floor(r() * 1e6) / (r() < 0.5 ? 1 : 7);
    case 3:
    case 4:
      return str();
    case 5:
      return r() < 0.5 ? undefined : () => 1;
    case 6: {
      const s = str();
      return { toJSON: () => s };
    }
    case 7:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) o[str()] = randomValue(r, depth + 1);
      return o;
    }
  }
}

describe('the verify JSON, one report at a time', () => {
  it('real reports, any number of them: the bytes of JSON.stringify(reports, null, 2)', () => {
    expect(reports.length).toBe(6);
    expect(reports.some((r) => r.error)).toBe(true);
    for (let n = 0; n <= reports.length; n++) {
      const some = reports.slice(0, n);
      expect(jsonArray(some.map(jsonElement))).toBe(JSON.stringify(some, null, 2));
      const parts = jsonArrayParts(some.map((r) => printReport(r).printed));
      expect(Buffer.concat(parts).equals(Buffer.from(JSON.stringify(some, null, 2)))).toBe(true);
    }
  });

  it('random values of every JSON kind: the same bytes', () => {
    const r = rng(22);
    for (let i = 0; i < 2000; i++) {
      const values = Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, 0));
      const whole = JSON.stringify(values, null, 2);
      expect(jsonArray(values.map(jsonElement))).toBe(whole);
      // as UTF-8, part by part: the bytes of the whole (non-ASCII, astral characters and escapes included)
      const parts = jsonArrayParts(values.map((v) => utf8Bytes(jsonElement(v))));
      expect(Buffer.concat(parts).toString('hex')).toBe(Buffer.from(whole).toString('hex'));
    }
  });

  it('a report with an error stays an object; the others are printed with their verdict', () => {
    for (const report of reports) {
      const p = printUnlessError(report);
      expect(isPrinted(p)).toBe(!report.error);
      if (isPrinted(p)) {
        expect(Buffer.from(p.printed).toString()).toBe(jsonElement(report));
        expect(p.passed).toBe(reportPassed(report));
      } else expect(p).toBe(report);
    }
  });

  it('passed: no error, some signature (a .tsr: its timestamp), every one TOTAL_PASSED, counter-signatures included', () => {
    const [good, tampered, cut, garbage] = reports as [FileReport, FileReport, FileReport, FileReport];
    // offline without revocation data the fixture's signatures are not TOTAL_PASSED; the verdict is the rule's
    expect(good.signatures[0]?.indication).not.toBe('TOTAL_PASSED');
    expect([good, tampered, cut, garbage].map(reportPassed)).toEqual([false, false, false, false]);
    const real = good.signatures[0] as FileReport['signatures'][number];
    const sig = { ...real, indication: 'TOTAL_PASSED' as const };
    const failing = { ...real, indication: 'TOTAL_FAILED' as const };
    const pass = { ...good, signatures: [sig] };
    const stamp = (indication: string) => ({ indication }) as never;
    expect(reportPassed(pass)).toBe(true);
    expect(reportPassed({ ...pass, signatures: [] })).toBe(false);
    // a timestamp alone passes a detached .tsr; a .tsd/.m7m (or any other file) needs a signature
    const stampOnly = (format: FileReport['format']) =>
      reportPassed({ ...pass, format, signatures: [], timestamps: [stamp('TOTAL_PASSED')] });
    expect([stampOnly('tsr'), stampOnly('tsd'), stampOnly('m7m')]).toEqual([true, false, false]);
    expect(reportPassed({ ...pass, timestamps: [stamp('TOTAL_PASSED'), stamp('INDETERMINATE')] })).toBe(
      false,
    );
    expect(reportPassed({ ...pass, error: { code: 'TRUNCATED', message: 'x' } as never })).toBe(false);
    expect(reportPassed({ ...pass, signatures: [{ ...sig, counterSignatures: [failing] }] })).toBe(false);
    expect(reportPassed({ ...pass, signatures: [{ ...sig, counterSignatures: [sig] }] })).toBe(true);
    expect(reportPassed({ ...pass, signatures: [sig, failing] })).toBe(false);
  });
});
