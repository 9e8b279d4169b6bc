/** From user options to what the signer needs: `--visible PAGE,X,Y,W,H`, `--image PNG`, the appearance text. */
import { readFileSync } from 'node:fs';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { parseCertificate } from '../x509/cert-info';
import { decodePng } from './png-image';
import { signatureAppearance } from './appearance';
import { appearanceFonts, type AppearanceFont } from './appearance-fonts';
import type { AppearanceBuilder } from './signature-objects';

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

/** The signer's "NOME COGNOME" and fiscal code from the certificate. */
export function signerIdentity(certificate: Uint8Array): { name: string; fiscalCode?: string } {
  const s = parseCertificate(certificate).subject;
  const name = s.givenName && s.surname ? `${s.givenName} ${s.surname}` : (s.commonName ?? s.dn);
  return { name, fiscalCode: s.fiscalCode };
}

export function readImage(path: string) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new SigilloError(
      'IMAGE_UNREADABLE',
      t({ it: 'Impossibile leggere l’immagine {path}.', en: 'Cannot read the image {path}.' }, { path }),
    );
  }
  if (bytes.length > 20 * 1024 * 1024) {
    throw new SigilloError('IMAGE_UNSUPPORTED', t({ it: 'Immagine troppo grande.', en: 'Image too large.' }));
  }
  return decodePng(bytes);
}

/** The appearance builder factory signPades wants, for this certificate and optional image file. */
export function appearanceFor(
  certificate: Uint8Array,
  opts: { imagePath?: string; reason?: string; fonts?: { regular: AppearanceFont; bold: AppearanceFont } },
): (signingTime: Date) => AppearanceBuilder {
  const id = signerIdentity(certificate);
  const image = opts.imagePath ? readImage(opts.imagePath) : undefined;
  const fonts = opts.fonts ?? appearanceFonts();
  return (signingTime) =>
    signatureAppearance(
      { signerName: id.name, fiscalCode: id.fiscalCode, signingTime, reason: opts.reason },
      image,
      fonts,
    );
}
