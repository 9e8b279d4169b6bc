/** Error messages of electron/core/x509/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const X509_MESSAGES = {
  CERT_INVALID: {
    it: 'Il certificato non è leggibile (DER X.509 non valido): {reason}',
    en: 'The certificate cannot be read (invalid DER X.509): {reason}',
  },
} as const satisfies Record<string, Message>;

export type X509ErrorCode = CodeOf<keyof typeof X509_MESSAGES>;
