/**
 * The verification report: plain JSON, the shape `sigillo verify --json` prints (issue 4) and the UI shows. One
 * definition (issue 20 §3): the zod schemas of shared/schemas/verify.ts; these are their inferred types (type-only
 * imports: the core loads no zod for them).
 */
import type { BaseSignatureReport, FileReport as ReportOfFile } from '../../../shared/schemas/verify';

export type {
  CadesForm,
  ChainEntry,
  Indication,
  RevocationReport,
  RevocationStatus,
  SignerSummary,
  SubIndication,
} from '../../../shared/schemas/verify';

/** a signature as the core builds it (CMS/CAdES, XAdES; PDF adds pdf/verify-pdf.ts PdfSignatureReport's fields) */
export type SignatureReport = BaseSignatureReport;

/** the report of one file; its signatures are SignatureReport or, for a PDF, PdfSignatureReport */
export type FileReport = ReportOfFile;
