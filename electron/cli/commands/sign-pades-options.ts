/** The PDF options of `sigillo sign` (--visible, --field, --image, --reason, --location, --contact). */
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import type { PadesFileOptions } from '../../core/sign/pades-file';
import { parseVisibleSpec } from '../../core/pdf/visible-spec';
import type { CommandContext, OptionsConfig } from '../command';

export const padesCliOptions: OptionsConfig = {
  visible: { type: 'string' },
  field: { type: 'string' },
  image: { type: 'string' },
  reason: { type: 'string' },
  location: { type: 'string' },
  contact: { type: 'string' },
};

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The PAdES options, or `{ usage }` with the message of a usage error (exit 2). */
export function padesOptionsFrom(ctx: CommandContext): PadesFileOptions | { usage: string } {
  const visible = str(ctx, 'visible');
  const field = str(ctx, 'field');
  if (visible && field) {
    return {
      usage: t({
        it: '--visible e --field non vanno insieme: il campo esistente ha già la sua posizione.',
        en: '--visible and --field do not go together: the existing field already has its position.',
      }),
    };
  }
  const image = str(ctx, 'image');
  if (image && !visible && !field) {
    return {
      usage: t({ it: '--image richiede --visible o --field.', en: '--image needs --visible or --field.' }),
    };
  }
  let rect;
  try {
    rect = visible ? parseVisibleSpec(visible) : undefined;
  } catch (e) {
    if (e instanceof SigilloError) return { usage: e.message };
    throw e;
  }
  return {
    visible: rect,
    field,
    image,
    reason: str(ctx, 'reason'),
    location: str(ctx, 'location'),
    contact: str(ctx, 'contact'),
  };
}

export const PADES_HELP = {
  it: `PAdES (PDF): FILE.pdf → FILE-signed.pdf, aggiornamento incrementale (il file originale resta intatto all'inizio).
  --visible P,X,Y,L,A  firma visibile a pagina P, rettangolo X,Y,L,A in punti PDF (1/72 di pollice, origine in basso a sinistra)
  --field NOME         firma il campo firma vuoto già presente NOME
  --image FILE.png     immagine nella firma visibile
  --reason TESTO       motivo (/Reason)   --location TESTO  luogo (/Location)   --contact TESTO  contatto (/ContactInfo)`,
  en: `PAdES (PDF): FILE.pdf → FILE-signed.pdf, as an incremental update (the original bytes stay untouched at the start).
  --visible P,X,Y,W,H  visible signature on page P, rectangle X,Y,W,H in PDF points (1/72 inch, origin bottom left)
  --field NAME         sign the existing empty signature field NAME
  --image FILE.png     image in the visible signature
  --reason TEXT        reason (/Reason)   --location TEXT  place (/Location)   --contact TEXT  contact (/ContactInfo)`,
};
