/** From user options to what the signer needs: `--visible PAGE,X,Y,W,H`, `--image PNG`, the appearance text. */
import { readFileSync } from 'node:fs';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { parseCertificate } from '../x509/cert-info';
import { decodePng } from './png-image';
import { signatureAppearance } from './appearance';
import { appearanceFonts, type AppearanceFont } from './appearance-fonts';
import type { AppearanceBuilder } from './signature-objects';

export type { VisibleRect } from './visible-spec';

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
