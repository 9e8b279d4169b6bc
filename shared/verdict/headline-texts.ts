/**
 * The words of the one sentence a verification starts with (issue 21: "one sentence with colour and icon, as on
 * screen"), in Italian and English: the window (renderer) and the report PDF (electron/core/report) both read
 * them here, through headline.ts. `{name}` placeholders.
 */
const IT = {
  valid: 'Firma valida — {name} ({cf}).',
  validQualified: 'Firma valida — {name} ({cf}), certificato qualificato.',
  validAt: 'Firma valida — {name} ({cf}), firmato il {date} alle {time}.',
  validAtQualified: 'Firma valida — {name} ({cf}), firmato il {date} alle {time}, certificato qualificato.',
  validNoCf: 'Firma valida — {name}.',
  validNoCfQualified: 'Firma valida — {name}, certificato qualificato.',
  validNoCfAt: 'Firma valida — {name}, firmato il {date} alle {time}.',
  validNoCfAtQualified: 'Firma valida — {name}, firmato il {date} alle {time}, certificato qualificato.',
  allValid: 'Tutte le {count} firme sono valide.',
  modified: 'Il documento è stato modificato dopo la firma.',
  cryptoFailure:
    'La firma di {name} non corrisponde al documento: il file è stato alterato o la firma è corrotta.',
  revoked: 'Il certificato di {name} è stato revocato: la firma non è valida.',
  notYetValid: 'Il certificato di {name} non era ancora valido al momento della firma.',
  formatFailure: 'La busta crittografica non è nel formato previsto.',
  invalid: 'La firma di {name} non è valida.',
  tryLater:
    'Non è stato possibile verificare la revoca del certificato di {name} (servizio non raggiungibile): riprova più tardi.',
  chainConstraints:
    'La catena di certificati di {name} viola le regole di emissione (vedi i dettagli): la firma non può essere considerata valida.',
  revokedCa: 'Il certificato di un ente certificatore nella catena di {name} è stato revocato.',
  noChain: 'Il certificato di {name} non è emesso da un ente certificatore fidato.',
  noSigningCert: 'Il certificato del firmatario non è presente nel file.',
  contentMissing:
    'Manca il documento firmato da {name}: mettilo accanto alla firma con lo stesso nome (senza .p7s) e verifica di nuovo.',
  expiredCert: 'Il certificato di {name} è scaduto e non c’è prova che la firma sia stata apposta prima.',
  weakCrypto: 'La firma di {name} usa algoritmi non più considerati sicuri.',
  weakCryptoNoPoe:
    'La firma di {name} usa un algoritmo non più sicuro e nessuna marca temporale prova che è stata fatta quando lo era ancora.',
  indeterminate: 'Non è stato possibile stabilire se la firma di {name} è valida.',
  partlySigned:
    'La firma di {name} è valida solo per una parte di questo file: il resto del documento NON è firmato (vedi i dettagli).',
  fileError: 'Impossibile verificare il file: {message}',
  noSignatures: 'Nessuna firma trovata: questo file non è firmato digitalmente.',
  timestampedOnly:
    'Nessuna firma: il documento ha solo marche temporali, che provano quando esisteva ma non chi lo ha firmato.',
};

export type HeadlineKey = keyof typeof IT;

const EN: Record<HeadlineKey, string> = {
  valid: 'Valid signature — {name} ({cf}).',
  validQualified: 'Valid signature — {name} ({cf}), qualified certificate.',
  validAt: 'Valid signature — {name} ({cf}), signed on {date} at {time}.',
  validAtQualified: 'Valid signature — {name} ({cf}), signed on {date} at {time}, qualified certificate.',
  validNoCf: 'Valid signature — {name}.',
  validNoCfQualified: 'Valid signature — {name}, qualified certificate.',
  validNoCfAt: 'Valid signature — {name}, signed on {date} at {time}.',
  validNoCfAtQualified: 'Valid signature — {name}, signed on {date} at {time}, qualified certificate.',
  allValid: 'All {count} signatures are valid.',
  modified: 'The document was modified after it was signed.',
  cryptoFailure:
    'The signature of {name} does not match the document: the file was altered or the signature is corrupt.',
  revoked: 'The certificate of {name} has been revoked: the signature is not valid.',
  notYetValid: 'The certificate of {name} was not yet valid when the document was signed.',
  formatFailure: 'The signed envelope is not in the expected format.',
  invalid: 'The signature of {name} is not valid.',
  tryLater:
    "The revocation of {name}'s certificate could not be checked (service not reachable): try again later.",
  chainConstraints:
    'The certificate chain of {name} breaks the issuing rules (see the details): the signature cannot be considered valid.',
  revokedCa: 'The certificate of a certification authority in the chain of {name} has been revoked.',
  noChain: 'The certificate of {name} was not issued by a trusted certification authority.',
  noSigningCert: 'The signer’s certificate is not in the file.',
  contentMissing:
    'The document signed by {name} is missing: put it next to the signature with the same name (without .p7s) and verify again.',
  expiredCert:
    'The certificate of {name} has expired and there is no proof that the signature was made before.',
  weakCrypto: 'The signature of {name} uses algorithms that are no longer considered safe.',
  weakCryptoNoPoe:
    'The signature of {name} uses an algorithm that is no longer safe, and no timestamp proves it was made while it still was.',
  indeterminate: 'It could not be established whether the signature of {name} is valid.',
  partlySigned:
    'The signature of {name} is valid for part of this file only: the rest of the document is NOT signed (see the details).',
  fileError: 'The file could not be verified: {message}',
  noSignatures: 'No signature found: this file is not digitally signed.',
  timestampedOnly:
    'No signature: the document only carries timestamps, which prove when it existed, not who signed it.',
};

export const HEADLINE_TEXTS: Readonly<Record<'it' | 'en', Readonly<Record<HeadlineKey, string>>>> = {
  it: IT,
  en: EN,
};
