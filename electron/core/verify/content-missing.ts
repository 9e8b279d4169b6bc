/**
 * A detached CAdES signature (.p7s) verified without its content (ETSI EN 319 102-1: INDETERMINATE /
 * SIGNED_DATA_NOT_FOUND, as DSS): what can be checked without it still is — signer, chain, revocation, timestamps
 * and the signature value over the signed attributes (which DSS leaves unchecked); only the digest is unknown.
 */
import { t } from '../i18n/translate';

/** What was checked of a detached signature whose content is missing: the signature value over the signed attributes. */
export function contentMissingNote(sigOk: boolean | undefined): string {
  if (sigOk === true)
    return t({
      it: 'Documento firmato non trovato: il valore della firma sugli attributi firmati è corretto, l’impronta del documento non è stata controllata.',
      en: 'Signed document not found: the signature value over the signed attributes is correct; the document’s digest was not checked.',
    });
  if (sigOk === false)
    return t({
      it: 'Il valore della firma sugli attributi firmati non è corretto: la firma non è valida con nessun documento.',
      en: 'The signature value over the signed attributes is not correct: the signature is not valid with any document.',
    });
  return t({
    it: 'Documento firmato non trovato: senza attributi firmati verificabili, il valore della firma non si può controllare senza il documento.',
    en: 'Signed document not found: without checkable signed attributes, the signature value cannot be checked without the document.',
  });
}
