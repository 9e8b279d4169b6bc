/** PAdES visible signatures: text and image appearance, embedded or standard fonts, checked with poppler tools. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPades } from '../../electron/core/sign/pades-sign';
import { appearanceFor } from '../../electron/core/pdf/visible-options';
import { parseVisibleSpec } from '../../electron/core/pdf/visible-spec';
import { appearanceFonts, standardAppearanceFont } from '../../electron/core/pdf/appearance-fonts';
import { writeHandwritten } from './support/make-pdf';
import { makeNssDb, type NssDb } from './support/nss';
import { appendedText, expectGoodPades } from './support/pades-output';
import { fileSigner } from './support/signers';
import { redDiscPng } from './support/make-png';

const fx = inject('fixture');

describe('PAdES visible signature', () => {
  let dir: string;
  let nss: NssDb;

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pades-visible-'));
    nss = makeNssDb(join(dir, 'nss'), fx.pki, fx.pki.signature);
  });

  it.each(['embedded', 'standard'] as const)(
    'signs visibly with text and a PNG image on the chosen page (%s font)',
    async (mode) => {
      const input = writeHandwritten(join(dir, `vis-${mode}.pdf`), { pages: 2 });
      const out = join(dir, `vis-${mode}-signed.pdf`);
      const fonts =
        mode === 'standard'
          ? { regular: standardAppearanceFont('Helvetica'), bold: standardAppearanceFont('Helvetica-Bold') }
          : appearanceFonts();
      // the embedded mode needs a system TrueType font (fonts-liberation or fonts-dejavu on Debian)
      if (mode === 'embedded') expect((fonts as { embedded?: boolean }).embedded).toBe(true);
      const png = join(dir, 'disc.png');
      writeFileSync(png, redDiscPng(24));
      const s = fileSigner(fx.pki);
      await signPades({
        input,
        output: out,
        overwrite: false,
        digest: 'sha384',
        signer: s,
        reason: 'Perché sì',
        visible: parseVisibleSpec('2,300,40,240,70'),
        appearance: appearanceFor(s.certificate, { imagePath: png, reason: 'Perché sì', fonts }),
      });
      expectGoodPades(input, out, 1, nss);
      const tail = appendedText(input, out);
      expect(tail).toContain('/Rect [300 40 540 110]');
      expect(tail).toContain('/WinAnsiEncoding');
      // pdffonts: name type encoding emb sub uni; the appearance fonts are embedded subsets, or standard Helvetica
      const fontRows = execFileSync('pdffonts', ['-f', '2', '-l', '2', out], { encoding: 'utf8' })
        .split('\n')
        .slice(2);
      const appearanceRows = fontRows.filter(
        (r) => /LiberationSans|DejaVuSans|Arial|Helvetica-Bold/.test(r) || /^[A-Z]{6}\+/.test(r),
      );
      if (mode === 'embedded') {
        const embedded = fontRows.filter((r) => /^[A-Z]{6}\+\S+\s+TrueType\s+WinAnsi\s+yes\s+yes/.test(r));
        expect(embedded, fontRows.join('\n')).toHaveLength(2);
      } else {
        expect(tail).toContain('/BaseFont /Helvetica-Bold');
        expect(
          appearanceRows.some((r) => /Helvetica-Bold\s+Type 1\s+WinAnsi\s+no/.test(r)),
          fontRows.join('\n'),
        ).toBe(true);
      }
      expect(tail).toContain('/Subtype /Image');
      expect(tail).not.toContain('/SMask');
      // the text renders: pdftotext finds it on page 2 (accents through WinAnsi)
      const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', out, '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('Firmato digitalmente da');
      expect(text).toContain(`${fx.pki.person.givenName} ${fx.pki.person.surname}`);
      expect(text).toContain(`C.F. ${fx.pki.person.fiscalCode}`);
      expect(text).toContain('Motivo: Perché sì');
      // and draws: the red image shows up in the rendering of that area
      const ppm = execFileSync('pdftoppm', [
        '-f',
        '2',
        '-l',
        '2',
        '-r',
        '72',
        '-x',
        '300',
        '-y',
        '732',
        '-W',
        '60',
        '-H',
        '70',
        out,
      ]);
      const header = ppm.toString('latin1', 0, 20).split(/\s+/);
      const pixels = ppm.subarray(ppm.length - Number(header[1]) * Number(header[2]) * 3);
      let red = 0;
      for (let i = 0; i < pixels.length; i += 3) if (pixels[i]! > 180 && pixels[i + 1]! < 80) red++;
      expect(red).toBeGreaterThan(50);
    },
  );
});
