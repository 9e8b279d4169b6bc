/** Whether the first bytes of a file are a PDF's (light: the verifier dispatch decides before loading the PDF code). */
export function looksLikePdf(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1').includes('%PDF-');
}
