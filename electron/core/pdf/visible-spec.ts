/** `--visible PAGE,X,Y,W,H`: where a visible signature goes (kept light: option parsing loads no PDF code). */
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export interface VisibleRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function parseVisibleSpec(spec: string): VisibleRect {
  const parts = spec.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  const [page, x, y, width, height] = nums;
  const ok =
    nums.length === 5 &&
    nums.every((n) => Number.isFinite(n)) &&
    Number.isInteger(page) &&
    page! >= 1 &&
    width! > 0 &&
    height! > 0 &&
    x! >= 0 &&
    y! >= 0 &&
    width! <= 14400 &&
    height! <= 14400;
  if (!ok) {
    throw new SigilloError(
      'BAD_VISIBLE_SPEC',
      t(
        {
          it: '--visible vuole PAGINA,X,Y,LARGHEZZA,ALTEZZA in punti PDF (es. 1,350,50,200,60), non «{spec}».',
          en: '--visible wants PAGE,X,Y,WIDTH,HEIGHT in PDF points (e.g. 1,350,50,200,60), not "{spec}".',
        },
        { spec },
      ),
    );
  }
  return { page: page!, x: x!, y: y!, width: width!, height: height! };
}
