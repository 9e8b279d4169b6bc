/**
 * One headline (issue 21): the tone and sentence a verification starts with are decided by one function in
 * shared/ (shared/verdict/headline.ts) that the window and the report PDF both call. Each verdict kind — valid,
 * invalid, indeterminate, unsigned (neutral) and a mixed file or batch — in both languages; then real files
 * verified in Italian and reported after a switch to English: the report PDF says each file's headline as the
 * window would, and nothing of it is left in Italian (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { writeVerificationReport } from '../../electron/core/report/verification-report';
import { openVerification, verifyFiles } from '../../electron/core/validate/session';
import type { FileReport as CoreFileReport } from '../../electron/core/verify/types';
import type { FileReport, LocalisedText } from '../../shared/schemas/verify';
import { fileHeadline } from '../../shared/verdict/headline';
import { HEADLINE_TEXTS } from '../../shared/verdict/headline-texts';
import { makeTestPki } from '../support/pki';
import { startPkiRevocationServer, type PkiRevocationServer } from '../support/pki-revocation-server';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';
import { signature } from '../renderer/support/fixtures';

const fx = inject('fixture');
const shots = join(__dirname, '..', '..', 'test-output', 'report');
const file = (signatures: FileReport['signatures'], name = '/d/f.p7m'): FileReport => ({
  file: name,
  format: 'cades',
  error: null,
  signatures,
});
const bad = signature({ integrity: 'invalid', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
const warn = signature({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });

describe('fileHeadline (window and report PDF)', () => {
  it('valid: green, signer, fiscal code, Rome time, qualified — in either language', () => {
    const h = fileHeadline(file([signature()]), 'it');
    expect(h.tone).toBe('ok');
    expect(h.text).toBe(
      'Firma valida — VERDI GIULIA (VRDGLI85M41F205X), firmato il 20/11/2026 alle 10:42, certificato qualificato.',
    );
    expect(fileHeadline(file([signature()]), 'en').text).toBe(
      'Valid signature — VERDI GIULIA (VRDGLI85M41F205X), signed on 20/11/2026 at 10:42, qualified certificate.',
    );
  });

  it('invalid: red, and what went wrong', () => {
    expect(fileHeadline(file([bad]), 'it')).toMatchObject({
      tone: 'bad',
      text: 'Il documento è stato modificato dopo la firma.',
    });
    const revoked = signature({ indication: 'TOTAL_FAILED', subIndication: 'REVOKED' });
    expect(fileHeadline(file([revoked]), 'en').text).toBe(
      'The certificate of VERDI GIULIA has been revoked: the signature is not valid.',
    );
  });

  it('indeterminate: amber, and why', () => {
    expect(fileHeadline(file([warn]), 'it')).toMatchObject({
      tone: 'warn',
      text: 'Il certificato di VERDI GIULIA non è emesso da un ente certificatore fidato.',
    });
  });

  it('document timestamps only: neutral (no signer), as the CLI exits 1 — a broken one stays red', () => {
    const ts = signature({ documentTimestamp: true, signer: { commonName: 'Sigillo Test TSA' } });
    const pdf = { ...file([ts, ts], '/d/marcato.pdf'), format: 'pades' as const };
    expect(fileHeadline(pdf, 'it')).toMatchObject({ tone: 'none', text: HEADLINE_TEXTS.it.timestampedOnly });
    expect(fileHeadline(pdf, 'en').text).toBe(HEADLINE_TEXTS.en.timestampedOnly);
    const broken = signature({ documentTimestamp: true, integrity: 'invalid', indication: 'TOTAL_FAILED' });
    expect(fileHeadline({ ...pdf, signatures: [broken] }, 'en').tone).toBe('bad');
    // a signature and a document timestamp: the signature's verdict, as before
    expect(
      fileHeadline({ ...pdf, signatures: [signature({ documentTimestamp: false }), ts] }, 'en').tone,
    ).toBe('ok');
  });

  it('unsigned: neutral, never "not valid" — but a damaged envelope is', () => {
    const plain: FileReport = {
      ...file([], '/d/nota.txt'),
      format: null,
      error: { code: 'NOT_CMS', message: 'x' },
    };
    expect(fileHeadline(plain, 'en')).toMatchObject({ tone: 'none', text: HEADLINE_TEXTS.en.noSignatures });
    expect(fileHeadline(file([], '/d/contratto.pdf'), 'it').tone).toBe('none');
    const damaged: FileReport = {
      ...plain,
      file: '/d/rotto.p7m',
      error: { code: 'NOT_CMS', message: 'Non è una firma.' },
      errorText: { it: 'Non è una firma.', en: 'Not a signature.' },
    };
    expect(fileHeadline(damaged, 'en')).toMatchObject({
      tone: 'bad',
      text: 'The file could not be verified: Not a signature.',
    });
  });

  it('mixed: the worst signature of a file decides; all valid says how many; a batch keeps each file its own', () => {
    expect(fileHeadline(file([signature(), warn, signature()]), 'it').tone).toBe('warn');
    expect(fileHeadline(file([signature({ counterSignatures: [bad] }), warn]), 'it').tone).toBe('bad');
    expect(
      fileHeadline(file([signature(), signature({ counterSignatures: [signature()] })]), 'en'),
    ).toMatchObject({
      tone: 'ok',
      text: 'All 3 signatures are valid.',
    });
    const batch = [file([signature()]), file([bad]), file([warn]), file([], '/d/nota.txt')];
    expect(batch.map((r) => fileHeadline(r, 'it').tone)).toEqual(['ok', 'bad', 'warn', 'none']);
  });
});

describe('a report made after a language switch', () => {
  let dir: string;
  let server: PkiRevocationServer;
  let reports: CoreFileReport[];

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'headline-'));
    server = await startPkiRevocationServer();
    const pki = makeTestPki(join(dir, 'pki'), server.urls);
    server.serve(pki);
    await signFile(pki, writeHandwritten(join(dir, 'contratto.pdf')), join(dir, 'valido.pdf'));
    const txt = join(dir, 'fattura.txt');
    writeFileSync(txt, 'Fattura di prova\n');
    // revocation unreachable (the fixture's CRL URL is a closed port): indeterminate
    opensslCmsSign({
      input: txt,
      out: join(dir, 'dubbia.p7m'),
      signer: fx.pki.signature,
      certfile: fx.pki.caPem,
    });
    // its content altered: invalid
    const altered = readFileSync(join(dir, 'dubbia.p7m')).toString('latin1').replace('Fattura', 'Fatturx');
    writeFileSync(join(dir, 'alterata.p7m'), Buffer.from(altered, 'latin1'));
    writeFileSync(join(dir, 'nota.txt'), 'non firmato\n');
    const files = ['valido.pdf', 'alterata.p7m', 'dubbia.p7m', 'nota.txt'].map((f) => join(dir, f));
    setLang('it');
    const session = await openVerification({ trustFiles: [pki.rootPem, fx.pki.rootPem], cacheDir: null });
    reports = await verifyFiles(files, session);
  });

  afterAll(async () => {
    setLang('en');
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verified in Italian, reported in English: every headline as the window says it, no Italian left', async () => {
    expect(reports.map((r) => fileHeadline(r, 'it').tone)).toEqual(['ok', 'bad', 'warn', 'none']);
    setLang('en');
    const out = join(dir, 'report-after-switch.pdf');
    await writeVerificationReport(reports, out, { overwrite: false, trust: null });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'report-after-switch.txt'), text);
    execFileSync('pdftoppm', ['-png', '-r', '60', out, join(shots, 'report-after-switch')]);
    const flat = text.replace(/\s+/g, ' ');
    for (const r of reports) expect(flat).toContain(fileHeadline(r, 'en').text);
    // the core's texts of these results: in English only
    const twins: LocalisedText[] = reports.flatMap((r) =>
      r.signatures.flatMap((s) => [
        ...(s.explanationText ? [s.explanationText] : []),
        ...(s.messageTexts ?? []),
        ...(s.revocation?.messageText ? [s.revocation.messageText] : []),
      ]),
    );
    const differing = twins.filter((x) => x.it !== x.en);
    expect(differing.length).toBeGreaterThan(3);
    for (const x of differing) {
      expect(flat).toContain(x.en.replace(/\s+/g, ' '));
      expect(flat).not.toContain(x.it.replace(/\s+/g, ' '));
    }
    for (const r of reports) expect(flat).not.toContain(fileHeadline(r, 'it').text);
    expect(flat).not.toMatch(/\b(Firma|Esito|Firmatario|Revoca|Catena|valida|firmato il)\b/);
  });
});
