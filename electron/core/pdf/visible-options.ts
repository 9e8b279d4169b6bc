/** From user options to what the signer needs: `--visible PAGE,X,Y,W,H`, `--image PNG`, the appearance text. */
import { readFileSync } from 'node:fs';
import { regularInputSync } from '../files/file-kind';
import { SigilloError, failure } from '../errors';
import { signerIdentity } from './signer-identity';
import { decodePng } from './png-image';
import { signatureAppearance } from './appearance';
import { appearanceFonts, type AppearanceFont } from './appearance-fonts';
import type { AppearanceBuilder } from './signature-objects';

export type { VisibleRect } from './visible-spec';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

const imageTooLarge = (): SigilloError => failure('IMAGE_UNSUPPORTED:size');

export function readImage(path: string) {
  let bytes: Buffer;
  try {
    // a FIFO or device would block or never end; a huge file is refused before it is read
    if (regularInputSync(path).size > MAX_IMAGE_BYTES) throw imageTooLarge();
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof SigilloError && e.code === 'IMAGE_UNSUPPORTED') throw e;
    throw failure('IMAGE_UNREADABLE', { path });
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw imageTooLarge();
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
