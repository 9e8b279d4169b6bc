/**
 * Does a dropped PDF already carry a signature? A signed PDF ends with an incremental update holding the
 * signature dictionary (/ByteRange …), so its tail is enough to tell, without reading a large file whole.
 */
const TAIL = 1024 * 1024;
const MARKER = '/ByteRange';

export async function looksSignedPdf(file: Blob & { name: string }): Promise<boolean> {
  if (!file.name.toLowerCase().endsWith('.pdf')) return false;
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - TAIL)).arrayBuffer());
  const text = new TextDecoder('latin1').decode(tail);
  return text.includes(MARKER);
}
