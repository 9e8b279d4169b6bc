/** English: "Open the signed document" (issue 21 flow 5). */
import type { Dict } from './types';
import type { itOpen } from './it-open';

export const enOpen: Dict<typeof itOpen> = {
  open: {
    document: 'Open the signed document',
    revision: 'Open the signed version',
    revisionOf: 'Open the signed version, by {{name}} (signature {{n}})',
    opening: 'Preparing the signed document…',
    opened:
      '{{name}} opened with the default application. It is a temporary copy: it is deleted when Sigillo closes.',
    downloaded: '{{name}} downloaded by the browser.',
    saved: {
      program:
        '{{name}} is a program: Sigillo does not open it. It is saved in {{path}} — open it only if you trust whoever signed it.',
      script:
        '{{name}} is a script: Sigillo does not open it. It is saved in {{path}} — open it only if you trust whoever signed it.',
      active:
        '{{name}} is a page that can run code: Sigillo does not open it. It is saved in {{path}} — open it only if you trust whoever signed it.',
    },
  },
};
