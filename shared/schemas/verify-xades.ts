/** Parts of the verification report added by issue 13: FatturaPA key data and ASiC container listing. */
import { z } from 'zod';

export const FatturaPaPartySchema = z.strictObject({
  /** Denominazione, or Nome + Cognome */
  name: z.string().nullable(),
  /** IdFiscaleIVA: IdPaese + IdCodice, e.g. IT01234567890 */
  vatNumber: z.string().nullable(),
  codiceFiscale: z.string().nullable(),
});
export type FatturaPaParty = z.infer<typeof FatturaPaPartySchema>;

export const FatturaPaDocumentSchema = z.strictObject({
  /** TipoDocumento, e.g. TD01 */
  type: z.string().nullable(),
  number: z.string().nullable(),
  /** Data, YYYY-MM-DD */
  date: z.string().nullable(),
  /** ImportoTotaleDocumento as written, e.g. "122.00"; null when absent */
  total: z.string().nullable(),
  currency: z.string().nullable(),
});
export type FatturaPaDocument = z.infer<typeof FatturaPaDocumentSchema>;

/** Key data of a FatturaPA invoice (tracciato FPA12/FPR12, v1.2.x). */
export const FatturaPaSchema = z.strictObject({
  /** FormatoTrasmissione: FPA12 (public administration) or FPR12 (private) */
  transmissionFormat: z.string().nullable(),
  /** the root's namespace version, e.g. "1.2" or "1.2.2" */
  schemaVersion: z.string(),
  sender: FatturaPaPartySchema,
  customer: FatturaPaPartySchema,
  /** one per FatturaElettronicaBody (a batch carries several) */
  documents: z.array(FatturaPaDocumentSchema),
});
export type FatturaPaSummary = z.infer<typeof FatturaPaSchema>;

export const ContainerFileSchema = z.strictObject({
  /** path inside the container */
  name: z.string(),
  size: z.number(),
  /** indexes (in the report's signatures array) of the signatures covering this file */
  signedBy: z.array(z.number().int()),
});
export type ContainerFile = z.infer<typeof ContainerFileSchema>;

/** An ASiC container (ETSI EN 319 162-1): its data files and the signatures covering each. */
export const ContainerSchema = z.strictObject({
  type: z.enum(['ASiC-S', 'ASiC-E']),
  /** the mimetype entry, when present */
  mimetype: z.string().nullable(),
  /** the data files (META-INF excluded) */
  files: z.array(ContainerFileSchema),
  /** signature files found under META-INF/ */
  signatureFiles: z.array(z.string()),
});
export type ContainerReport = z.infer<typeof ContainerSchema>;
