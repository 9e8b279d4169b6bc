/**
 * `sigillo verify --visual-diff DIR` through the built CLI (issue 23): the PNG of the changed page, its size
 * (3 × the page rendering + borders, read by `file`), the red outline where the text was replaced, the JSON
 * "visualChanges", no silent overwrite, and the report PDF carrying the image (poppler `pdfimages`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';
import { overlayAnnotation, replaceText } from './support/alterations';
import { redOutline } from './support/visual-png';

const fx = inject('fixture');
/** the images and report are kept here to be looked at */
const KEEP = join(__dirname, '..', '..', 'test-output', 'visual-diff');

interface VisualJson {
  page: number;
  changedFraction: number;
  image: string;
  kind: string;
}
type VerifyJson = { file: string; signatures: { visualChanges?: VisualJson[] | null }[] }[];

/** the PNG's size as `file` reads it */
function pngSize(path: string): [number, number] {
  const m = /PNG image data, (\d+) x (\d+)/.exec(execFileSync('file', [path], { encoding: 'utf8' }));
  expect(m, path).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

describe('sigillo verify --visual-diff', () => {
  let dir: string;
  let altered: string;
  const verify = (...args: string[]) =>
    runCli(['verify', '--offline', '--no-tsl', '--trust', fx.pki.rootPem, ...args], { HOME: dir });

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'cli-visual-'));
    const signed = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'c.pdf'), { pages: 3 }),
      join(dir, 'c-signed.pdf'),
    );
    altered = replaceText(signed, join(dir, 'contratto.pdf'), 2, 'Importo dovuto: 9.000 EUR');
  });

  it('writes NAME-sigN-pP.png for the changed page only, the red box where the text was replaced', async () => {
    const out = join(dir, 'diff');
    const r = await verify('--json', '--visual-diff', out, altered);
    expect(r.code, r.stderr).toBe(1); // modified after signing: not TOTAL_PASSED
    const json = JSON.parse(r.stdout) as VerifyJson;
    const changes = json[0]!.signatures[0]!.visualChanges!;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ page: 2, kind: 'changed', image: join(out, 'contratto-sig1-p2.png') });
    expect(changes[0]!.changedFraction).toBeGreaterThan(0);
    expect(readdirSync(out)).toEqual(['contratto-sig1-p2.png']);
    // A4 at 1.5×: 893 × 1263 pixels per panel; three panels and four 16-pixel borders
    const [w, h] = pngSize(changes[0]!.image);
    expect(w).toBe(3 * Math.ceil(595 * 1.5) + 4 * 16);
    expect(h).toBe(Math.ceil(842 * 1.5) + 2 * 16);
    // the text was drawn at x 72, baseline y 720 (PDF points, origin bottom-left): 108 / 183 pixels at 1.5×
    const { box } = redOutline(readFileSync(changes[0]!.image));
    expect(box).not.toBeNull();
    expect(box!.x0).toBeGreaterThan(95);
    expect(box!.x0).toBeLessThan(112);
    expect(box!.y0).toBeLessThan(183);
    expect(box!.y1).toBeGreaterThan(183);
    expect(box!.y1 - box!.y0).toBeLessThan(60);
    mkdirSync(KEEP, { recursive: true });
    copyFileSync(changes[0]!.image, join(KEEP, 'contratto-sig1-p2.png'));
  });

  it('never overwrites an image silently; --overwrite replaces it', async () => {
    const out = join(dir, 'diff');
    const before = readFileSync(join(out, 'contratto-sig1-p2.png'));
    const again = await verify('--json', '--visual-diff', out, altered);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'OUTPUT_EXISTS' } });
    expect(readFileSync(join(out, 'contratto-sig1-p2.png')).equals(before)).toBe(true);
    const forced = await verify('--json', '--overwrite', '--visual-diff', out, altered);
    expect(forced.code, forced.stderr).toBe(1);
    expect(readdirSync(out)).toEqual(['contratto-sig1-p2.png']);
  });

  it('an allowed change only (a later signature): visualChanges empty, no image; text says so', async () => {
    const twice = await signFile(fx.pki, join(dir, 'c-signed.pdf'), join(dir, 'twice.pdf'));
    const out = join(dir, 'none');
    const r = await verify('--json', '--visual-diff', out, twice);
    const json = JSON.parse(r.stdout) as VerifyJson;
    expect(json[0]!.signatures.map((s) => s.visualChanges)).toEqual([[], []]);
    expect(existsSync(out)).toBe(false);
    const text = await verify('--visual-diff', out, twice);
    expect(text.stdout).toContain('twice.pdf, signature 1: no visible difference');
  });

  it('the report PDF carries the side-by-side image of the changed page', async () => {
    const annotated = overlayAnnotation(
      join(dir, 'c-signed.pdf'),
      join(dir, 'nota.pdf'),
      1,
      [300, 400, 180, 40],
    );
    const report = join(dir, 'rapporto.pdf');
    const r = await verify('--report', report, annotated);
    expect(r.stderr).toContain(report); // offline, the test CRL unreachable: exit 1 for INDETERMINATE
    mkdirSync(KEEP, { recursive: true });
    copyFileSync(report, join(KEEP, 'rapporto.pdf'));
    const list = execFileSync('pdfimages', ['-list', report], { encoding: 'utf8' });
    expect(list).toMatch(new RegExp(`\\s${3 * 893 + 64}\\s+${1263 + 32}\\s+rgb`));
    expect(execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' })).toContain(
      'Pages identical to the signed version: 2, 3',
    );
  });
});
