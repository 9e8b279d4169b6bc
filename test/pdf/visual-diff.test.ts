/**
 * Visual comparison of the signed revision with the final document (issue 23): signed PDFs altered by a later
 * incremental update — text replaced, an overlay annotation, a page added, a form filled — show the changed
 * page and region and no other; a later signature alone shows nothing; hostile renderings meet the limits.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { visualDiff, visualTargets } from '../../electron/core/pdf/visual/visual-diff';
import { writeHandwritten } from './support/make-pdf';
import { formPdf } from './support/form-pdf';
import { signFile } from './support/signers';
import { addPage, fillName, overlayAnnotation, replaceText } from './support/alterations';
import { redOutline } from './support/visual-png';

const fx = inject('fixture');
const trust = new TrustStore([]);

async function compare(file: string) {
  const report = await verifyPdf(file, { trust });
  return { report, visual: await visualDiff(file, visualTargets(report.signatures)) };
}

describe('visual diff of signed revisions', () => {
  let dir: string;
  let signed3: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'visual-'));
    signed3 = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'three.pdf'), { pages: 3 }),
      join(dir, 'three-signed.pdf'),
    );
  });

  it('text replaced on page 2 of 3: only page 2, the region where the text is drawn', async () => {
    const altered = replaceText(signed3, join(dir, 'text.pdf'), 2, 'Importo dovuto: 9.000 EUR');
    const { report, visual } = await compare(altered);
    expect(report.signatures[0]!.coversWholeDocument).toBe(false);
    expect(visual).toHaveLength(1);
    const v = visual[0]!;
    expect(v.signature).toBe(1);
    expect(v.pages.map((p) => p.page)).toEqual([2]);
    expect(v.identical).toEqual([1, 3]);
    const page = v.pages[0]!;
    expect(page.kind).toBe('changed');
    expect(page.changedFraction).toBeGreaterThan(0);
    expect(page.changedFraction).toBeLessThan(0.05);
    // the text is drawn from 72/720 (baseline), Helvetica 18: the box starts near x 72 and spans the baseline
    expect(page.boxes).toHaveLength(1);
    const b = page.boxes[0]!;
    expect(b.x).toBeGreaterThan(68);
    expect(b.x).toBeLessThan(80);
    expect(b.y).toBeGreaterThan(710);
    expect(b.y).toBeLessThan(722);
    expect(b.y + b.height).toBeGreaterThan(728);
    expect(b.y + b.height).toBeLessThan(740);
    // the PNG: three panels of the page rendering, the red outline around that region (decoded independently)
    const png = redOutline(page.png);
    expect(png.width).toBe(page.imageWidth);
    expect(png.height).toBe(page.imageHeight);
    const r = page.regions[0]!;
    expect(png.box).not.toBeNull();
    expect(Math.abs(png.box!.x0 - r.x)).toBeLessThanOrEqual(6);
    expect(Math.abs(png.box!.y0 - r.y)).toBeLessThanOrEqual(6);
    expect(Math.abs(png.box!.x1 - (r.x + r.width))).toBeLessThanOrEqual(6);
  });

  it('an overlay annotation: its rectangle on its page, nothing elsewhere', async () => {
    const altered = overlayAnnotation(signed3, join(dir, 'overlay.pdf'), 3, [300, 400, 180, 40]);
    const { visual } = await compare(altered);
    const v = visual[0]!;
    expect(v.pages.map((p) => p.page)).toEqual([3]);
    expect(v.identical).toEqual([1, 2]);
    const b = v.pages[0]!.boxes[0]!;
    expect(v.pages[0]!.boxes).toHaveLength(1);
    expect(Math.abs(b.x - 300)).toBeLessThan(2);
    expect(Math.abs(b.y - 400)).toBeLessThan(2);
    expect(Math.abs(b.width - 180)).toBeLessThan(3);
    expect(Math.abs(b.height - 40)).toBeLessThan(3);
  });

  it('a page added: reported as added, the signed pages identical', async () => {
    const altered = addPage(signed3, join(dir, 'added.pdf'), 'Clausola aggiuntiva');
    const { report, visual } = await compare(altered);
    expect(report.signatures[0]!.modifications!.allowed).toBe(false);
    const v = visual[0]!;
    expect(v.pagesSigned).toBe(3);
    expect(v.pagesNow).toBe(4);
    expect(v.identical).toEqual([1, 2, 3]);
    expect(v.pages).toHaveLength(1);
    expect(v.pages[0]).toMatchObject({ page: 4, kind: 'added', changedFraction: 1 });
  });

  it('a form filled: the field widget region, allowed by the change analysis', async () => {
    const form = await signFile(fx.pki, formPdf(dir, 'form'), join(dir, 'form-signed.pdf'));
    const altered = fillName(form, join(dir, 'form-filled.pdf'), 'Mario Rossi');
    const { report, visual } = await compare(altered);
    expect(report.signatures[0]!.modifications!.allowed).toBe(true);
    const v = visual[0]!;
    expect(v.pages.map((p) => p.page)).toEqual([1]);
    const b = v.pages[0]!.boxes[0]!;
    // the widget's Rect is [72 600 300 620]: the text sits inside it
    expect(b.x).toBeGreaterThanOrEqual(72);
    expect(b.y).toBeGreaterThanOrEqual(598);
    expect(b.y + b.height).toBeLessThanOrEqual(622);
  });

  it('only a later signature: no visual change for the first, the second covers everything', async () => {
    const twice = await signFile(fx.pki, signed3, join(dir, 'twice.pdf'));
    const { report, visual } = await compare(twice);
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures[0]!.modifications!.allowed).toBe(true);
    expect(visual).toHaveLength(1);
    expect(visual[0]!.pages).toEqual([]);
    expect(visual[0]!.identical).toEqual([1, 2, 3]);
  });

  it('every signature of a multi-signature document gets its own comparison', async () => {
    const altered1 = replaceText(signed3, join(dir, 'multi-a.pdf'), 1, 'Prima modifica');
    const second = await signFile(fx.pki, altered1, join(dir, 'multi-b.pdf'));
    const altered2 = replaceText(second, join(dir, 'multi-c.pdf'), 3, 'Seconda modifica');
    const { visual } = await compare(altered2);
    expect(visual.map((v) => v.signature)).toEqual([1, 2]);
    expect(visual[0]!.pages.map((p) => p.page)).toEqual([1, 3]);
    expect(visual[1]!.pages.map((p) => p.page)).toEqual([3]);
    expect(visual[1]!.identical).toEqual([1, 2]);
  });
});
