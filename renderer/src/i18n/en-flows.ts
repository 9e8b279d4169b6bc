/** English: the checks before the PIN, a wrong PIN in view, trusted lists in Settings (same keys as it-flows.ts). */
import type { itFlows } from './it-flows';
import type { Dict } from './types';

export const enFlows: Dict<typeof itFlows> = {
  signCheck: {
    checking: 'Checking the files…',
    existsTitle_one: 'The signed file already exists',
    existsTitle_other: '{{count}} signed files already exist',
    existsBody: 'A file is never overwritten without asking. What do you want to do?',
    replace: 'Replace',
    rename: 'Save with another name',
    renameAs: 'becomes {{name}}',
    problemsTitle: 'Before the PIN: these files cannot be signed like this',
    FORMAT_NOT_XML:
      '{{file}} is not an XML document: an XAdES signature is for e-invoices (FatturaPA) and other XML files. Choose the automatic, PAdES or CAdES signature, or remove the file.',
    FORMAT_NOT_PDF:
      '{{file}} is not a PDF: a PAdES signature is for PDFs only. Choose the automatic or CAdES (.p7m) signature, or remove the file.',
  },
  pinError: {
    PIN_INCORRECT: 'Wrong PIN: no file was signed.',
    PIN_LOCKED: 'The PIN is locked: no file was signed. Unblock it with the PUK.',
    PIN_FORMAT: 'The PIN is {{min}}–{{max}} digits: the one entered was not tried on the card.',
    fewLeft: 'Few attempts are left before the PIN is locked.',
    finalTry: 'Warning: one attempt is left before the PIN is locked.',
    unknownLeft: 'The card does not say how many attempts are left.',
    retry: 'Try again',
    formatHint: 'The PIN is {{min}}–{{max}} digits (numbers only).',
  },
  trustLists: {
    title: 'EU trusted lists',
    hint: 'The official lists of the European qualified certification authorities (for Italy, AgID): they are how qualified signatures are recognised. The app updates them by itself when they are older than 7 days.',
    never: 'The trusted lists have not been downloaded yet.',
    updated: 'Updated on {{date}} at {{time}}: {{lists}} lists, {{services}} services loaded.',
    failures_one: 'One list was not updated (the previous copy is kept):',
    failures_other: '{{count}} lists were not updated (the previous copies are kept):',
    error: 'Update failed: {{message}}',
    update: 'Update',
    updating: 'Updating…',
    progress: 'Progress of the trusted lists update',
    progressText: '{{done}} of {{total}} lists',
    fixNoAnchor:
      'To recognise the authority that issued the certificate, update the trusted lists, then verify again.',
    fixButton: 'Update the trusted lists',
  },
};
