/**
 * Issue 18, found by a red-team pass: a PDF prepared before signing hides, inside an unused stream, a second
 * `5 0 obj` (other page text) and a cross-reference section whose /Prev is the offset the signer's section
 * will have (a signer's layout is predictable). After signing, appending only `startxref <hidden>` + `%%EOF`
 * makes every reader (poppler included) take the hidden section as the newest: the page shows the hidden text.
 * The same text is reached without predicting anything by appending a `startxref` that points nowhere: readers
 * then rebuild the cross-reference by scanning and take the last `5 0 obj` of the file. Both files were
 * reported "covers the whole document", TOTAL_PASSED. Now: not the whole document (bytes follow the signed
 * ones), and the change analysis compares the signed revision as its own bytes read it (the file cut at the
 * signature's end, as DSS does) with the view it would otherwise take: they differ, so the change is refused.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { handwrittenPdf } from './support/make-pdf';
import { signFile } from './support/signers';
import { appendUpdate, contentStream } from './support/append-update';

const fx = inject('fixture');
const FAKE = 'BT /F1 18 Tf 72 720 Td (Pay 999999 EUR to IT00X0000000000000000000000) Tj ET';
const PLACEHOLDER = 'PREV______';

/** the offset the last `startxref` of a file names */
function lastStartxref(file: string): number {
  const tail = readFileSync(file).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  return Number(m![1]);
}

/** page text as poppler shows it */
const popplerText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'latin1' });

/**
 * A 2-page PDF whose unreferenced padding stream holds `hidden` at its start: the bytes of a fake object 5
 * (page 1's content) and, when `withSection`, a cross-reference section for it whose /Prev is a placeholder.
 */
function preparedPdf(withSection: boolean): { pdf: Buffer; sectionAt: number } {
  const pdf = handwrittenPdf({ pages: 2, padding: 4096 });
  const head = Buffer.from(`<< /Length 4096 >>\nstream\n`, 'latin1');
  const dataAt = pdf.indexOf(head) + head.length;
  const body = `5 0 obj\n<< /Length ${FAKE.length} >>\nstream\n${FAKE}\nendstream\nendobj\n`;
  let hidden = body;
  const sectionAt = dataAt + body.length;
  if (withSection) {
    const row = `${String(dataAt).padStart(10, '0')} 00000 n \n`;
    hidden +=
      `xref\n0 1\n0000000000 65535 f \n5 1\n${row}` +
      `trailer\n<< /Size 40 /Root 1 0 R /Prev ${PLACEHOLDER} >>\n`;
  }
  Buffer.from(hidden, 'latin1').copy(pdf, dataAt);
  return { pdf, sectionAt };
}

describe('a cross-reference section hidden in the signed bytes', () => {
  let dir: string;
  let hiddenSection: string;
  let rebuilt: string;
  let honest: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'hidden-xref-'));
    // the signer's section lands at the same offset for an input of the same length: learn it, then write it
    const { pdf, sectionAt } = preparedPdf(true);
    writeFileSync(join(dir, 'probe.pdf'), pdf);
    await signFile(fx.pki, join(dir, 'probe.pdf'), join(dir, 'probe-signed.pdf'));
    const signerSection = lastStartxref(join(dir, 'probe-signed.pdf'));
    const at = pdf.indexOf(PLACEHOLDER);
    Buffer.from(String(signerSection).padStart(PLACEHOLDER.length, '0'), 'latin1').copy(pdf, at);
    writeFileSync(join(dir, 'prepared.pdf'), pdf);
    const signed = await signFile(fx.pki, join(dir, 'prepared.pdf'), join(dir, 'signed.pdf'));
    expect(lastStartxref(signed)).toBe(signerSection);
    hiddenSection = join(dir, 'hidden-section.pdf');
    copyFileSync(signed, hiddenSection);
    appendFileSync(hiddenSection, `startxref\n${sectionAt}\n%%EOF\n`);

    writeFileSync(join(dir, 'prepared2.pdf'), preparedPdf(false).pdf);
    rebuilt = await signFile(fx.pki, join(dir, 'prepared2.pdf'), join(dir, 'rebuilt.pdf'));
    honest = join(dir, 'honest.pdf');
    copyFileSync(rebuilt, honest);
    appendFileSync(rebuilt, 'startxref\n99999999\n%%EOF\n');
  });

  it('the attacks are real: poppler shows the hidden text, and did not before the append', () => {
    expect(popplerText(join(dir, 'signed.pdf'))).toContain('Documento di prova');
    expect(popplerText(hiddenSection)).toContain('Pay 999999 EUR');
    expect(popplerText(honest)).not.toContain('Pay 999999 EUR');
    expect(popplerText(rebuilt)).toContain('Pay 999999 EUR');
  });

  it.each([
    ['a hidden section made the newest by an appended startxref', () => hiddenSection],
    ['a startxref that points nowhere (the file rebuilt by scanning)', () => rebuilt],
  ])('%s: not the whole document, and refused', async (_, file) => {
    const s = (await verifyPdf(file(), { trust: new TrustStore([]) })).signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.coversWholeDocument).toBe(false);
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(s.modifications?.allowed).toBe(false);
    expect(s.modifications?.items).toContainEqual(
      expect.objectContaining({ rule: 'xref-history', allowed: false, object: 5 }),
    );
  });

  it('the same signed files without the append: the whole document, nothing to analyse', async () => {
    for (const f of [join(dir, 'signed.pdf'), honest]) {
      const s = (await verifyPdf(f, { trust: new TrustStore([]) })).signatures[0]!;
      expect(s.coversWholeDocument).toBe(true);
      expect(s.modifications).toBeNull();
    }
  });

  it('white space after the last %%EOF is still the whole document; a comment is not, and changes nothing', async () => {
    const white = join(dir, 'white.pdf');
    copyFileSync(honest, white);
    appendFileSync(white, '\r\n\n  \0');
    const w = (await verifyPdf(white, { trust: new TrustStore([]) })).signatures[0]!;
    expect(w.coversWholeDocument).toBe(true);
    const comment = join(dir, 'comment.pdf');
    copyFileSync(honest, comment);
    appendFileSync(comment, '% a comment\n');
    const c = (await verifyPdf(comment, { trust: new TrustStore([]) })).signatures[0]!;
    expect(c.coversWholeDocument).toBe(false);
    expect(c.modifications).toMatchObject({ allowed: true, items: [] });
  });

  it('an honest later update of the same prepared file is judged as before (no cross-reference item)', async () => {
    const f = appendUpdate(honest, join(dir, 'later.pdf'), () => [[5, contentStream(FAKE)]]);
    const s = (await verifyPdf(f, { trust: new TrustStore([]) })).signatures[0]!;
    expect(s.modifications?.allowed).toBe(false);
    expect(s.modifications?.items.map((i) => i.rule)).not.toContain('xref-history');
    expect(s.modifications?.items).toContainEqual(
      expect.objectContaining({ kind: 'page-content', allowed: false, page: 1, object: 5 }),
    );
  });
});
