/** English: signing levels, detached and counter-signatures (same keys as it-sign-levels.ts). */
import type { itSignLevels } from './it-sign-levels';
import type { Dict } from './types';

export const enSignLevels: Dict<typeof itSignLevels> = {
  tsaCheck: {
    invalid: 'Invalid service address: it must start with https:// (or http://) and contain no spaces.',
  },
  signLevel: {
    legend: 'Signature level',
    B: 'B — digital signature',
    T: 'T — with a timestamp (proven date)',
    LT: 'LT — with a timestamp, certificates and revocation data (verifiable over time)',
    LTA: 'LTA — as LT, plus an archive timestamp (long-term preservation)',
    tsaFrom: 'Timestamp from {{url}}.',
    needsTsa: 'Levels T, LT and LTA need a timestamp service (TSA): set it in Settings, under “Timestamp”.',
    xadesUpToT: 'XAdES signatures go up to level T (XAdES-T, with a timestamp).',
    countersignUpToT: 'Counter-signatures go up to level T.',
    detachedUpToLt: 'Detached signatures go up to level LT.',
    kind: 'Kind of signature',
    detached: 'Detached signature (.p7s)',
    detachedHint:
      'The document stays as it is: only NAME.p7s is made, to be kept and sent with the document.',
    countersign: 'Counter-sign an existing signature (.p7m file)',
    countersignSigner: 'Signature to counter-sign (1 = the first)',
    countersignHint:
      'The counter-signature is saved under the .p7m’s own name: choose another output folder.',
    label: {
      cades: 'CAdES (.p7m)',
      detached: 'CAdES detached (.p7s)',
      pades: 'PAdES',
      xades: 'XAdES',
      countersign: 'CAdES counter-signature',
      level: 'level {{level}}',
    },
  },
};
