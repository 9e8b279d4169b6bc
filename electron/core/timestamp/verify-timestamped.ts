/**
 * Verification of timestamp files, plugged into the shared verifyFile dispatch: .tsd (each token checked — the
 * first over the content, a renewal over the previous token), .tsr (a detached token over the file beside it or
 * --content), .m7m (the token over the p7m part, and the p7m's signatures verified as usual). A p7m inside a .tsd
 * is verified too. The genTime of a valid token is the proven time of existence.
 */
import { regularInput } from '../files/file-kind';
import { access, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { SigilloError, failure } from '../errors';
import { notCms } from '../cms/reader-errors';
import { fileError, inputSize, readInput } from '../files/input-file';
import type { HashName } from '../cms/algorithm-oids';
import { cmsFileVerifier } from '../verify/cms-file-verifier';
import type { FileVerifier, VerifyFileOptions } from '../verify/file-types';
import { NestedCapture } from '../verify/nested-capture';
import type { SignatureReport } from '../verify/types';
import { checkTimestampToken, type DataDigest, type TimestampReport } from '../verify/token-check';
import { tokenFromFileBytes } from './token-bytes';
import { parseTimestampToken } from '../tsa/timestamp-token';
import { usable } from '../verify/signature-timestamps';
import { readM7m } from './m7m-reader';
import { timestampKind } from './timestamp-sniff';
import { readTsd } from './tsd-reader';

const MAX_TSR_BYTES = 1024 * 1024;

export interface TimestampedVerification {
  format: 'tsd' | 'tsr' | 'm7m';
  signatures: SignatureReport[];
  timestamps: TimestampReport[];
  content?: string;
}

const ctxOf = (o: VerifyFileOptions) => ({ trust: o.trust, revocation: o.revocation, now: o.now });
const fromRecord =
  (r: Partial<Record<HashName, Uint8Array>>): DataDigest =>
  (h) =>
    r[h];

/** Each token of a chain: the first over the data, each later one over the previous token (RFC 5544 §4.2). */
async function checkChain(
  tokens: Uint8Array[],
  first: DataDigest,
  o: VerifyFileOptions,
): Promise<TimestampReport[]> {
  const out: TimestampReport[] = [];
  let digest = first;
  for (const der of tokens) {
    out.push(await checkTimestampToken(parseTimestampToken(der), digest, ctxOf(o)));
    digest = (h) => new Uint8Array(createHash(h).update(der).digest());
  }
  return out;
}

/**
 * The p7m inside, verified with the file timestamp (over it) as proof of existence when that one is usable. Its
 * errors are the file's (the same as verifying the p7m alone): a damaged signature under a good timestamp must
 * never look like a file with nothing to check.
 */
async function signaturesOf(
  spooled: string | undefined,
  o: VerifyFileOptions,
  stamp: TimestampReport | undefined,
  /** the file the user gave (the .tsd / .m7m) */
  shown: string,
): Promise<SignatureReport[]> {
  if (!spooled) return [];
  const poe = stamp && usable(stamp) ? new Date(stamp.genTime) : undefined;
  try {
    return (await cmsFileVerifier.verify(spooled, { ...o, content: undefined, poe })).signatures;
  } catch (e) {
    // an error of the p7m inside names the spooled copy of it: the user gave `shown`
    if (e instanceof SigilloError && e.message.includes(spooled))
      throw new SigilloError(e.code, e.message.split(spooled).join(shown), e.details, e.key);
    throw e;
  }
}

async function verifyTsd(path: string, o: VerifyFileOptions): Promise<TimestampedVerification> {
  const capture = new NestedCapture();
  try {
    const tsd = await readTsd(path, capture.onContent);
    if (!tsd.hasContent) throw detachedTsd();
    const timestamps = await checkChain(tsd.tokens, fromRecord(tsd.contentDigests), o);
    const signatures = await signaturesOf(await capture.finish(), o, timestamps[0], path);
    return { format: 'tsd', signatures, timestamps };
  } finally {
    await capture.cleanup();
  }
}

async function verifyM7m(path: string, o: VerifyFileOptions): Promise<TimestampedVerification> {
  const capture = new NestedCapture();
  try {
    const m7m = await readM7m(path, capture.onContent);
    const token = tokenFromFileBytes(m7m.timestamp);
    const timestamps = await checkChain([token], fromRecord(m7m.p7mDigests), o);
    const spooled = await capture.finish();
    // a .m7m is the timestamp of a p7m: a part that is no SignedData is what the p7m alone would be
    if (!spooled) throw notCms('m7m part');
    const signatures = await signaturesOf(spooled, o, timestamps[0], path);
    return { format: 'm7m', signatures, timestamps };
  } finally {
    await capture.cleanup();
  }
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

export async function timestampedDataFor(path: string, content?: string): Promise<string> {
  const guess = path.replace(/\.(tsr|tst)$/i, '');
  const found = content ?? (guess !== path && (await exists(guess)) ? guess : undefined);
  if (found) {
    await regularInput(found); // a FIFO or device would be read forever
    return found;
  }
  throw failure('CONTENT_NOT_FOUND:timestamp', { file: path });
}

async function verifyTsr(path: string, o: VerifyFileOptions): Promise<TimestampedVerification> {
  if ((await inputSize(path)) > MAX_TSR_BYTES) throw fileError(new Error('too large'), path);
  const token = tokenFromFileBytes(new Uint8Array(await readFile(path)));
  const data = await timestampedDataFor(path, o.content);
  const hash = parseTimestampToken(token).info.hash;
  let digest: Uint8Array | undefined;
  if (hash) {
    const h = createHash(hash);
    for await (const chunk of readInput(data)) h.update(chunk);
    digest = new Uint8Array(h.digest());
  }
  const timestamps = await checkChain([token], (x) => (x === hash ? digest : undefined), o);
  return { format: 'tsr', signatures: [], timestamps, content: data };
}

function detachedTsd(): SigilloError {
  return failure('TSD_NO_CONTENT:uri');
}

export async function verifyTimestamped(path: string, o: VerifyFileOptions, head: Uint8Array) {
  switch (timestampKind(head)) {
    case 'tsd':
      return verifyTsd(path, o);
    case 'm7m':
      return verifyM7m(path, o);
    default:
      return verifyTsr(path, o);
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  for await (const chunk of readInput(path, 1024)) return chunk;
  return new Uint8Array(0);
}

export const timestampFileVerifier: FileVerifier = {
  name: 'timestamp',
  matches: (head) => timestampKind(head) !== undefined,
  async verify(path, opts) {
    return verifyTimestamped(path, opts, await readHead(path));
  },
};
