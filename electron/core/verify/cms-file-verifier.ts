/**
 * Verifies a CMS signature file (p7m / p7s / p7, DER, BER, base64, PEM) by streaming it through B's
 * signed-data reader: the content is hashed as it passes, nested SignedData levels are spooled and verified
 * in turn (depth 0 = outermost), detached content is read from --content or beside the .p7s.
 */
import { access } from 'node:fs/promises';
import { SigilloError, failure } from '../errors';
import { t } from '../i18n/translate';
import { readSignedData, type SignedDataSummary } from '../cms/signed-data-reader';
import type { FileVerifier, VerifyFileOptions } from './file-types';
import { looksLikeSignedData, NestedCapture } from './nested-capture';
import type { SignatureReport } from './types';
import { levelSignatures } from './level-signatures';
import { FatturaPaPeek } from '../fatturapa/fatturapa-peek';
import { regularInput } from '../files/file-kind';
import { CMS_LIMITS, tooManyLevels } from '../cms/limits';

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** the signature's name without .p7s/.p7m, when that file exists */
async function contentBeside(path: string): Promise<string | undefined> {
  const guess = path.replace(/\.(p7s|p7m)$/i, '');
  return guess !== path && (await exists(guess)) ? guess : undefined;
}

/** the file's bytes when verifyFile already read them whole, else its path */
function sourceOf(path: string, bytes?: Uint8Array): string | AsyncIterable<Uint8Array> {
  if (!bytes) return path;
  return (async function* () {
    yield bytes;
  })();
}

/**
 * Reads the SignedData with its detached content: --content, else the file beside it. A .p7s is detached as
 * a rule, so the file beside it is looked for first; any other file is read first and the content looked
 * for only when it turns out to be detached (no extra file check for the common attached .p7m).
 */
async function readWithContent(
  path: string,
  opts: VerifyFileOptions,
  depth: number,
  onContent: (chunk: Uint8Array) => Promise<void>,
  bytes?: Uint8Array,
): Promise<{ summary: SignedDataSummary; content?: string }> {
  let content = depth === 0 ? opts.content : undefined;
  if (depth === 0 && !content && /\.p7s$/i.test(path)) content = await contentBeside(path);
  const read = async () => {
    if (content) await regularInput(content); // --content or a name beside it may be a FIFO or a device
    // onContent (NestedCapture) is done with each chunk when its promise settles: reads may reuse buffers
    return readSignedData(sourceOf(path, bytes), { onContent, detachedContent: content, reuseReads: true });
  };
  let summary = await read();
  if (summary.detached && !content && depth === 0) {
    content = await contentBeside(path);
    if (content) summary = await read();
  }
  if (summary.detached && !content) throw contentMissing(path);
  return { summary, content };
}

function contentMissing(path: string): SigilloError {
  return failure('CONTENT_NOT_FOUND', { file: path });
}

async function verifyLevel(
  path: string,
  opts: VerifyFileOptions,
  depth: number,
  peek?: FatturaPaPeek,
  bytes?: Uint8Array,
): Promise<{ signatures: SignatureReport[]; detached: boolean; content?: string }> {
  const capture = new NestedCapture(peek?.sink);
  try {
    const { summary, content } = await readWithContent(path, opts, depth, capture.onContent, bytes);
    const signatures = await levelSignatures(
      summary,
      (digests) =>
        readSignedData(sourceOf(path, bytes), { digests, detachedContent: content, reuseReads: true }),
      { trust: opts.trust, revocation: opts.revocation, now: opts.now, depth, poe: opts.poe },
    );
    const nested = await capture.finish();
    if (nested) {
      if (depth + 1 >= CMS_LIMITS.levels) throw tooManyLevels();
      const inner = await verifyLevel(nested, opts, depth + 1, peek).catch((e: unknown) => {
        throw innerLevelError(e, depth + 1);
      });
      signatures.push(...inner.signatures);
    }
    return { signatures, detached: summary.detached, content: summary.detached ? content : undefined };
  } finally {
    await capture.cleanup();
  }
}

/** an inner level that cannot be read fails the file, with its reason and level */
function innerLevelError(e: unknown, level: number): unknown {
  if (!(e instanceof SigilloError) || e.details.level !== undefined) return e;
  const message = t(
    { it: 'Livello {level} (firma annidata): {m}', en: 'Level {level} (nested signature): {m}' },
    { level, m: e.message },
  );
  return new SigilloError(e.code, message, { ...e.details, level });
}

export function formatOf(signatures: SignatureReport[]): 'cades' | 'cms' {
  return signatures.some((s) => s.cadesForm !== 'CMS') ? 'cades' : 'cms';
}

export const cmsFileVerifier: FileVerifier = {
  name: 'cms',
  matches: (head) => looksLikeSignedData(head),
  async verify(path, opts, bytes) {
    const peek = new FatturaPaPeek();
    const level = await verifyLevel(path, opts, 0, peek, bytes);
    const fatturapa = peek.summary();
    return {
      format: formatOf(level.signatures),
      signatures: level.signatures,
      ...(level.content ? { content: level.content } : {}),
      ...(fatturapa ? { fatturapa } : {}),
    };
  },
};
