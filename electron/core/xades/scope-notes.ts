/**
 * The notes on an XML signature that signs only part of the file holding it: some of its elements (enveloped over
 * '#id' references), or only files beside it while it sits inside another XML document (a detached signature
 * copied into an invoice). The signature stays valid for what it signs (DSS reports its scope); the report and
 * the CLI say that the rest is not signed.
 */
import { t, type Message } from '../i18n/translate';

const PARTIAL: Message = {
  it: 'La firma copre solo una parte del documento (elementi {ids}): il resto non è firmato.',
  en: 'The signature covers only part of the document (elements {ids}): the rest is not signed.',
};

const FILES_ONLY: Message = {
  it: 'La firma copre solo i file {names}, non il documento XML che la contiene: questo documento non è firmato.',
  en: 'The signature covers only the files {names}, not the XML document holding it: this document is not signed.',
};

const EXPLANATION: Message = {
  it: 'La firma è valida per ciò che firma ({scope}) e il certificato del firmatario è affidabile e valido, ma non copre tutto il documento: il resto NON è firmato.',
  en: 'The signature is valid for what it signs ({scope}) and the signer certificate is trusted and valid, but it does not cover the whole document: the rest is NOT signed.',
};

export function partialNote(ids: string): string {
  return t(PARTIAL, { ids });
}

export function filesOnlyNote(names: string): string {
  return t(FILES_ONLY, { names });
}

/** the explanation of a TOTAL_PASSED signature over part of the file, never "the document is intact" */
export function partialExplanation(scope: string): string {
  return t(EXPLANATION, { scope });
}

/** whether a report message is one of those notes, in either language (the CLI shows them under the verdict) */
export function isScopeNote(message: string): boolean {
  return [PARTIAL, FILES_ONLY].some((m) =>
    Object.values(m).some((text: string) => {
      const [head = '', tail = ''] = text.split(/\{\w+\}/);
      return message.startsWith(head) && message.endsWith(tail);
    }),
  );
}
