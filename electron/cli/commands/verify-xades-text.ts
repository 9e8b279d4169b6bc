/** Extra lines of `sigillo verify` (text) for FatturaPA invoices and ASiC containers (issue 13). */
import type { FileReport } from '../../core/verify/types';
import { documentFactLines } from '../../core/xades/document-facts';

export function xadesFileLines(r: FileReport): string[] {
  return documentFactLines(r).map((l) => `  ${l}`);
}
