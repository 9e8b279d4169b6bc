/**
 * Issue 21 flow 5: a verification's texts follow a language switch. The same files verified in Italian and in
 * English: each text of the Italian report (explanation, messages, revocation messages, PDF changes, the file
 * error, timestamps) carries a twin whose English form is exactly what the English verification wrote, and the
 * other way round — so the window and the report PDF can show an old result in the language chosen later.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { openVerification, verifyFiles } from '../../electron/core/validate/session';
import type { FileReport, SignatureReport } from '../../electron/core/verify/types';
import type { LocalisedText, TimestampReport } from '../../shared/schemas/verify';
import { FileReportSchema } from '../../shared/schemas/verify';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { replaceText } from '../pdf/support/alterations';
import { signFile } from '../pdf/support/signers';
import { invoiceXml, xadesTemplate } from '../xades/support/fatturapa-sample';
import { xmlsecSign } from '../xades/support/xmlsec';

const fx = inject('fixture');
let dir: string;
let files: string[];

/** every text of a report with its twin, in reading order */
type Pair = [where: string, text: string, twin: LocalisedText | null | undefined];

function stampTexts(ts: TimestampReport, at: string): Pair[] {
  return [
    [`${at}.explanation`, ts.explanation, ts.explanationText],
    ...ts.messages.map((m, i): Pair => [`${at}.messages[${i}]`, m, ts.messageTexts?.[i]]),
  ];
}

function signatureTexts(s: SignatureReport, at: string): Pair[] {
  const mods = (s as { modifications?: { changes: string[]; changeTexts?: LocalisedText[] } | null })
    .modifications;
  return [
    [`${at}.explanation`, s.explanation, s.explanationText],
    ...s.messages.map((m, i): Pair => [`${at}.messages[${i}]`, m, s.messageTexts?.[i]]),
    ...(s.revocation?.message
      ? [[`${at}.revocation`, s.revocation.message, s.revocation.messageText] as Pair]
      : []),
    ...s.chain.flatMap((c, i): Pair[] =>
      c.revocation?.message ? [[`${at}.chain[${i}]`, c.revocation.message, c.revocation.messageText]] : [],
    ),
    ...(s.timestamps ?? []).flatMap((ts, i) => stampTexts(ts, `${at}.timestamps[${i}]`)),
    ...(mods?.changes ?? []).map((c, i): Pair => [`${at}.changes[${i}]`, c, mods?.changeTexts?.[i]]),
    ...s.counterSignatures.flatMap((c, i) => signatureTexts(c, `${at}.counter[${i}]`)),
  ];
}

function texts(r: FileReport): Pair[] {
  return [
    ...(r.error ? [['error', r.error.message, r.errorText] as Pair] : []),
    ...(r.timestamps ?? []).flatMap((ts, i) => stampTexts(ts, `timestamps[${i}]`)),
    ...r.signatures.flatMap((s, i) => signatureTexts(s, `signatures[${i}]`)),
  ];
}

async function verifyIn(lang: 'it' | 'en'): Promise<FileReport[]> {
  setLang(lang);
  const session = await openVerification({ trustFiles: [fx.pki.rootPem], cacheDir: null });
  return verifyFiles(files, session);
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'report-language-'));
  // a CMS whose revocation service is unreachable (the fixture's CRL URL is a closed port): TRY_LATER, messages
  const txt = join(dir, 'fattura.txt');
  writeFileSync(txt, 'Fattura di prova\n');
  opensslCmsSign({ input: txt, out: `${txt}.p7m`, signer: fx.pki.signature, certfile: fx.pki.caPem });
  // the same envelope with its content altered: HASH_FAILURE
  const tampered = join(dir, 'alterata.txt.p7m');
  writeFileSync(
    tampered,
    Buffer.from(readFileSync(`${txt}.p7m`).toString('latin1').replace('Fattura', 'Fatturx'), 'latin1'),
  );
  // a signed PDF changed afterwards: the changes in words
  const pdf = await signFile(fx.pki, writeHandwritten(join(dir, 'contratto.pdf')), join(dir, 'firmato.pdf'));
  const changed = replaceText(pdf, join(dir, 'cambiato.pdf'), 1, 'Importo 999');
  // not a signature at all, and a damaged envelope: the file error
  const plain = join(dir, 'nota.p7m');
  writeFileSync(plain, 'solo testo, nessuna firma\n');
  // a FatturaPA signed in XAdES (xmlsec1)
  const template = join(dir, 'fattura-template.xml');
  writeFileSync(template, invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem)));
  const xades = join(dir, 'IT01234567890_FPA01.xml');
  xmlsecSign(template, xades, fx.pki.signature);
  files = [`${txt}.p7m`, tampered, changed, plain, xades];
});

afterAll(() => {
  setLang('en');
  rmSync(dir, { recursive: true, force: true });
});

describe('report texts in both languages', () => {
  it('every text of an Italian verification carries the English that an English verification writes', async () => {
    const it_ = await verifyIn('it');
    const en = await verifyIn('en');
    let differ = 0;
    for (const [k, r] of it_.entries()) {
      expect(() => FileReportSchema.parse(r)).not.toThrow();
      const a = texts(r);
      const b = texts(en[k]!);
      expect(a.map((p) => p[0])).toEqual(b.map((p) => p[0]));
      for (const [i, [where, text, twin]] of a.entries()) {
        const [, enText, enTwin] = b[i]!;
        expect({ where, twin }).toEqual({ where, twin: { it: text, en: enText } });
        expect({ where, twin: enTwin }).toEqual({ where, twin: { it: text, en: enText } });
        if (text !== enText) differ++;
      }
    }
    // the cases do say something, and in two languages
    const all = it_.flatMap(texts);
    expect(all.map((p) => p[0])).toEqual(
      expect.arrayContaining([
        'error',
        'signatures[0].explanation',
        'signatures[0].revocation',
        'signatures[0].changes[0]',
      ]),
    );
    expect(differ).toBeGreaterThan(8);
    expect(it_[0]!.signatures[0]!.subIndication).toBe('TRY_LATER');
    expect(it_[1]!.signatures[0]!.integrity).toBe('invalid');
    expect(it_[2]!.signatures[0]!.modifications?.allowed).toBe(false);
    expect(it_[3]!.error).not.toBeNull();
    expect(it_[4]!.format).toBe('xades');
    expect(texts(it_[4]!).filter(([, text, twin]) => twin && twin.en !== text).length).toBeGreaterThan(1);
  });
});
