/**
 * The note on an attached signature whose namesake file beside it (`x.txt` next to `x.txt.p7s`) is another document
 * (RFC 5652 §5.2: the signature's content is its own): the verdict is the signature's, and the report and the CLI
 * say that the file beside it is not what was signed.
 */
import { t, type Message } from '../i18n/translate';

const NOT_SIGNED: Message = {
  it: 'La firma contiene il proprio documento: il file {file} accanto ad essa NON è il documento firmato.',
  en: 'The signature holds its own document: the file {file} beside it is NOT the signed document.',
};

export function besideNotSignedNote(file: string): string {
  return t(NOT_SIGNED, { file });
}

/** whether a report message is that note, in either language (the CLI shows it under the verdict) */
export function isBesideNotSignedNote(message: string): boolean {
  return Object.values(NOT_SIGNED).some((text: string) => {
    const [head = '', tail = ''] = text.split('{file}');
    return message.startsWith(head) && message.endsWith(tail);
  });
}
