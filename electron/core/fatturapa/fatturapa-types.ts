/** Key data of a FatturaPA invoice (tracciato FPA12/FPR12, v1.2.x) shown in the report: the shared schema's types. */
export type {
  FatturaPaDocument,
  FatturaPaParty,
  FatturaPaSummary,
} from '../../../shared/schemas/verify-xades';
