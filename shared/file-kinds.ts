/** Signed envelopes and containers by name: they open on Verify, and a damaged one is "not valid", not "unsigned". */
const SIGNED_ENVELOPE_EXTENSIONS = [
  '.p7m',
  '.p7s',
  '.tsd',
  '.m7m',
  '.asice',
  '.sce',
  '.asics',
  '.scs',
  '.bdoc',
] as const;

export function isSignedEnvelope(path: string): boolean {
  const lower = path.toLowerCase();
  return SIGNED_ENVELOPE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
