/** Key data of a FatturaPA invoice (tracciato FPA12/FPR12, v1.2.x) shown in the verification report. Plain JSON. */
export interface FatturaPaParty {
  /** Denominazione, or Nome + Cognome */
  name: string | null;
  /** IdFiscaleIVA: IdPaese + IdCodice, e.g. IT01234567890 */
  vatNumber: string | null;
  codiceFiscale: string | null;
}

export interface FatturaPaDocument {
  /** TipoDocumento, e.g. TD01 */
  type: string | null;
  number: string | null;
  /** Data, YYYY-MM-DD */
  date: string | null;
  /** ImportoTotaleDocumento as written, e.g. "122.00"; null when absent */
  total: string | null;
  currency: string | null;
}

export interface FatturaPaSummary {
  /** FormatoTrasmissione: FPA12 (public administration) or FPR12 (private) */
  transmissionFormat: string | null;
  /** the root's namespace version, e.g. "1.2" or "1.2.2" */
  schemaVersion: string;
  sender: FatturaPaParty;
  customer: FatturaPaParty;
  /** one per FatturaElettronicaBody (a batch carries several) */
  documents: FatturaPaDocument[];
}
