// @vitest-environment jsdom
/** Pure pieces of the renderer: file routing, CSV, verdicts, PIN rules, expiry tone, banner choice. */
import { describe, expect, it } from 'vitest';
import { defaultAction, formatBytes } from '../../renderer/src/model/files';
import { looksSignedPdf } from '../../renderer/src/model/signedPdf';
import { csvCell, toCsv } from '../../renderer/src/model/csv';
import { fileVerdict } from '../../renderer/src/model/verdict';
import { newPinProblem } from '../../renderer/src/screens/pin/pinRules';
import { expiryTone } from '../../renderer/src/model/token';
import { bannerSubject } from '../../renderer/src/screens/renewal/renewalModel';
import { remindersActive, romeToday } from '../../renderer/src/state/reminders';
import { cert, renewal, signature, token } from './support/fixtures';

const fmt = 'it';

describe('model', () => {
  it('routes signed envelopes to Verify, the rest to Sign', () => {
    expect(defaultAction(['/a/fattura.xml.p7m', '/a/b.P7S'])).toBe('verify');
    expect(defaultAction(['/a/x.tsd', '/a/y.m7m'])).toBe('verify');
    expect(defaultAction(['/a/fattura.xml.p7m', '/a/lettera.pdf'])).toBe('sign');
    expect(defaultAction(['/a/nota.txt'])).toBe('sign');
    expect(defaultAction(['/a/firmato.pdf'], new Set(['/a/firmato.pdf']))).toBe('verify');
    expect(defaultAction(['/a/firmato.pdf', '/a/altro.pdf'], new Set(['/a/firmato.pdf']))).toBe('sign');
    expect(formatBytes(1536, 'it')).toBe('1,5 KB');
    expect(formatBytes(2 * 1024 ** 3, 'en')).toBe('2 GB');
  });

  it('writes CSV cells that spreadsheets cannot turn into formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(toCsv(['File', 'Esito'], [['a.p7m', 'Valida']])).toBe('File;Esito\r\na.p7m;Valida\r\n');
  });

  it('picks the worst signature for the file verdict', () => {
    const ok = signature();
    const bad = signature({
      integrity: 'invalid',
      indication: 'TOTAL_FAILED',
      subIndication: 'SIG_CRYPTO_FAILURE',
    });
    const v = fileVerdict({ file: 'f', format: 'cades', error: null, signatures: [ok, bad] }, fmt);
    expect(v.tone).toBe('bad');
    expect(v.sentence.key).toBe('cryptoFailure');
    const w = fileVerdict(
      {
        file: 'f',
        format: 'cades',
        error: null,
        signatures: [signature({ signingTime: null, qualified: false })],
      },
      fmt,
    );
    expect(w).toMatchObject({ tone: 'ok', sentence: { key: 'valid' } });
    expect(fileVerdict({ file: 'f', format: 'cades', error: null, signatures: [] }, fmt).sentence.key).toBe(
      'noSignatures',
    );
    // a PDF signature whose later changes are refused: "modified after signing", whatever the sub-indication
    const changed = signature({
      indication: 'TOTAL_FAILED',
      subIndication: 'FORMAT_FAILURE',
      modifications: { allowed: false },
    });
    expect(
      fileVerdict({ file: 'f', format: 'pades', error: null, signatures: [changed] }, fmt),
    ).toMatchObject({
      tone: 'bad',
      sentence: { key: 'modified' },
    });
    const noPoe = signature({
      indication: 'INDETERMINATE',
      subIndication: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
    });
    expect(fileVerdict({ file: 'f', format: 'cades', error: null, signatures: [noPoe] }, fmt)).toMatchObject({
      tone: 'warn',
      sentence: { key: 'weakCryptoNoPoe' },
    });
  });

  it('checks a new PIN against the token rules', () => {
    expect(newPinProblem('1234', '1234', 5, 8)).toBe('pin.errors.length');
    expect(newPinProblem('123456', '123457', 5, 8)).toBe('pin.errors.mismatch');
    expect(newPinProblem('123456', '123456', 5, 8, '123456')).toBe('pin.errors.same');
    expect(newPinProblem('12345à', '12345à', 5, 8)).toBe('pin.errors.chars');
    expect(newPinProblem('123456', '123456', 5, 8, '654321')).toBeNull();
  });

  it('colours expiry: ok, amber inside 90 days, red when expired', () => {
    expect(expiryTone(cert('signature', { daysLeft: 91 }))).toBe('ok');
    expect(expiryTone(cert('signature', { daysLeft: 90 }))).toBe('warn');
    expect(expiryTone(cert('signature', { daysLeft: -1 }))).toBe('bad');
  });

  it('chooses the banner: the signature certificate first, dismissed ones never', () => {
    const tk = token({
      certificates: [
        cert('authentication', { renewal: renewal('renewable', 20) }),
        cert('signature', { renewal: renewal('renewable', 40) }),
      ],
    });
    expect(bannerSubject(tk, [], [])?.role).toBe('signature');
    expect(bannerSubject(tk, [], ['a'.repeat(64)])?.role).toBe('authentication');
    expect(bannerSubject(token(), [], [])).toBeNull();
    expect(remindersActive({ enabled: true, snoozedUntil: null })).toBe(true);
    expect(remindersActive({ enabled: true, snoozedUntil: romeToday() })).toBe(false);
    expect(remindersActive({ enabled: false, snoozedUntil: null })).toBe(false);
  });

  it('tells a signed PDF by the signature dictionary in its tail', async () => {
    const body = '%PDF-1.7\n' + 'x'.repeat(2 * 1024 * 1024);
    const signed = new File([body, '<< /Type /Sig /ByteRange [0 10 20 30] >>\n%%EOF\n'], 'a.pdf');
    expect(await looksSignedPdf(signed)).toBe(true);
    expect(await looksSignedPdf(new File([body, '%%EOF\n'], 'b.pdf'))).toBe(false);
    expect(await looksSignedPdf(new File(['/ByteRange'], 'c.txt'))).toBe(false);
  });
});
