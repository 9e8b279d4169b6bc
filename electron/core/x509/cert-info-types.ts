/**
 * Everything Sigillo shows about a certificate; produced by x509/cert-info.ts from the DER. Plain JSON. One
 * definition (issue 20 §3): the zod schemas of shared/schemas/certificates.ts, whose inferred types these are.
 */
export type { CertInfo, CertRole, NameInfo, QcInfo, SubjectInfo } from '../../../shared/schemas/certificates';
