/**
 * The report PDF (issue 21): per file one coloured sentence with an icon, the file's SHA-256, the trust used and
 * Sigillo's version; per signature signer, fiscal code, organisation, CA, Rome time, form, chain, revocation in
 * words, ETSI codes as a small line. Checked with poppler: pdftotext for the words, pdftoppm for the colours; the
 * PNGs (test-output/report/) are for looking at.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDateTime } from '../../shared/format/dates';
import { setLang } from '../../electron/core/i18n/translate';
import { writeVerificationReport } from '../../electron/core/report/verification-report';
import { openVerification, verifyFiles } from '../../electron/core/validate/session';
import type { FileReport } from '../../electron/core/verify/types';
import { sigilloVersion } from '../../electron/core/version';
import { makeTestPki, type TestPki } from '../support/pki';
import { startPkiRevocationServer, type PkiRevocationServer } from '../support/pki-revocation-server';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';

const fx = inject('fixture');
const shots = join(__dirname, '..', '..', 'test-output', 'report');
let dir: string;
let server: PkiRevocationServer;
let pki: TestPki;
let reports: FileReport[];

function pdftotext(pdf: string): string {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `${pdf.split('/').pop()}.txt`), text);
  return text;
}

/** Renders page 1 at 60 dpi: a PNG to look at, and a PPM whose pixels the test reads. */
function render(pdf: string, name: string): { width: number; height: number; rgb: Buffer } {
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(shots, name)]);
  const base = join(dir, name);
  execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  const ppm = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a P6 PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** how many pixels are close to the colour (the banner's tint or border) */
function pixelsLike(img: { rgb: Buffer }, [r, g, b]: [number, number, number], tol = 12): number {
  let n = 0;
  for (let i = 0; i + 2 < img.rgb.length; i += 3) {
    const d = Math.abs(img.rgb[i]! - r) + Math.abs(img.rgb[i + 1]! - g) + Math.abs(img.rgb[i + 2]! - b);
    if (d <= tol) n++;
  }
  return n;
}

const GREEN_TINT: [number, number, number] = [230, 247, 232];
const AMBER_TINT: [number, number, number] = [255, 242, 217];

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'report-pdf-'));
  server = await startPkiRevocationServer();
  pki = makeTestPki(join(dir, 'pki'), server.urls);
  server.serve(pki);
  const pdf = await signFile(
    pki,
    writeHandwritten(join(dir, 'contratto.pdf')),
    join(dir, 'contratto-firmato.pdf'),
  );
  const txt = join(dir, 'fattura.txt');
  writeFileSync(txt, 'Fattura di prova\n');
  opensslCmsSign({ input: txt, out: `${txt}.p7m`, signer: pki.signature, certfile: pki.caPem });
  // the same signer's file, with the revocation service unreachable (the fixture's CRL URL is a closed port)
  const offline = join(dir, 'offline.txt');
  writeFileSync(offline, 'Senza rete\n');
  opensslCmsSign({ input: offline, out: `${offline}.p7m`, signer: fx.pki.signature, certfile: fx.pki.caPem });
  const session = await openVerification({ trustFiles: [pki.rootPem, fx.pki.rootPem], cacheDir: null });
  reports = await verifyFiles([pdf, `${txt}.p7m`, `${offline}.p7m`], session);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  setLang('en');
});

describe('report PDF', () => {
  it('the demo-like PKI verifies green over its loopback CRL and OCSP (the report has something to show)', () => {
    expect(reports[0]!.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(reports[1]!.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(reports[2]!.signatures[0]!.subIndication).toBe('TRY_LATER');
  });

  it('Italian: one file per report, the sentence, signer, fiscal code, Rome time, form, revocation in words', async () => {
    setLang('it');
    const out = join(dir, 'rapporto-it.pdf');
    await writeVerificationReport([reports[0]!], out, { overwrite: false, trust: null });
    const text = pdftotext(out);
    const flat = text.replace(/\s+/g, ' ');
    const s = reports[0]!.signatures[0]!;
    expect(text).toContain('Rapporto di verifica delle firme digitali');
    expect(flat).toMatch(
      /Firma valida — ROSSI MARIO \(RSSMRA80A01H501U\), firmato il \d\d\/\d\d\/\d{4} alle \d\d:\d\d/,
    );
    expect(text).toContain('Codice fiscale');
    expect(text).toContain('Camera di Commercio di Test'); // organisation
    expect(text).toContain('Sigillo Test Qualified CA'); // CA
    expect(text).toContain(`${formatDateTime(s.signingTime!)} (ora di Roma, dichiarata dal firmatario)`);
    expect(text).toContain('PAdES-B-B');
    expect(text).toMatch(/non revocato \((OCSP|CRL), \d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
    expect(text).toContain(
      'ROSSI MARIO › Sigillo Test Qualified CA › Sigillo Test Root CA (fidato: root.pem)',
    );
    expect(text).toContain('Codice ETSI EN 319 102-1: TOTAL_PASSED');
    expect(text).toContain('nessuna: la firma copre tutto il documento');
    const sha = createHash('sha256').update(readFileSync(reports[0]!.file)).digest('hex');
    expect(text.replace(/\s+/g, '')).toContain(sha);
    expect(text).toContain(`Sigillo ${sigilloVersion()} — pagina 1 di 1`);
    expect(text).not.toContain('contratto.pdf\n'); // the other files are not in it
    expect(text).not.toContain('fattura.txt');
    const img = render(out, 'report-it-valid');
    expect(pixelsLike(img, GREEN_TINT)).toBeGreaterThan(2000); // the green banner
    expect(pixelsLike(img, AMBER_TINT)).toBe(0);
  });

  it('English batch: the unreachable service in words, amber banner, trust state, every file', async () => {
    setLang('en');
    const out = join(dir, 'report-en.pdf');
    const trust = {
      trustedLists: true,
      lastUpdate: '2026-12-06T21:10:00Z',
      lists: 31,
      stale: false,
      files: [pki.rootPem],
    };
    await writeVerificationReport(reports, out, { overwrite: false, trust });
    const text = pdftotext(out);
    expect(text).toContain('Digital signature verification report');
    expect(text).toContain('fattura.txt.p7m');
    expect(text).toContain('CMS (.p7m)'); // openssl cms -sign: no signingCertificateV2, so not CAdES
    expect(text).toContain('cannot be checked:');
    expect(text.replace(/\s+/g, ' ')).toMatch(/revocation of ROSSI MARIO's certificate could not be checked/);
    expect(text).toContain(
      'EU trusted lists (31 lists, updated on 06/12/2026 22:10); trusted certificates from',
    );
    expect(text).toContain('INDETERMINATE / TRY_LATER');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(3); // one page per file here
    execFileSync('pdftoppm', ['-png', '-r', '60', out, join(shots, 'report-en-batch')]);
    const third = join(dir, 'third.pdf');
    execFileSync('qpdf', [out, '--pages', out, '3', '--', third]);
    const img = render(third, 'report-en-indeterminate');
    expect(pixelsLike(img, AMBER_TINT)).toBeGreaterThan(2000);
    expect(pixelsLike(img, GREEN_TINT)).toBe(0);
  });

  it('a file that could not be read: red sentence, no hash', async () => {
    setLang('it');
    const gone = join(dir, 'sparito.p7m');
    copyFileSync(reports[1]!.file, gone);
    const [r] = await verifyFiles([join(dir, 'non-esiste.p7m')], await openVerification({ cacheDir: null }));
    const out = join(dir, 'errore.pdf');
    await writeVerificationReport([r!], out, { overwrite: false });
    const text = pdftotext(out);
    expect(text).toContain('Impossibile verificare il file');
    expect(text).toContain('file non leggibile ora');
    const img = render(out, 'report-it-error');
    expect(pixelsLike(img, [252, 230, 230])).toBeGreaterThan(1000);
  });
});
