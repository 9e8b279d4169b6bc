/** Hex text → bytes (the other way is cms/bytes.ts `hex`). */
/** Parses hex (any case, optional ':' or spaces); undefined when it is not hex. */
export function fromHex(hex: string): Uint8Array | undefined {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return undefined;
  return new Uint8Array(Buffer.from(clean, 'hex'));
}
