/** The names a folder given to `sigillo verify` stands for: signature files, not hidden ones. */
const SIGNED_FILE = /\.(p7m|p7s|p7|pkcs7|pdf)$/i;

export function isSignedFileName(name: string): boolean {
  return !name.startsWith('.') && SIGNED_FILE.test(name);
}
