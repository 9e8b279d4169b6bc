/**
 * Watches the encapsulated content as it streams by: when it is itself a SignedData (a p7m signed again, in DER,
 * BER or base64), it is spooled to a temporary file so the next level can be verified or extracted in turn;
 * otherwise it goes to the optional `plain` sink (extraction writes the innermost content there).
 * The spool files live in `<user data>/tmp/` (not the system temp folder, which may be a small RAM disk), are
 * named like every other temporary file (`.nested.p7m.sigillo-<pid+host+random>.tmp`, whatever the input's
 * name, so NAME_MAX is never a problem) and the first spool of a run sweeps the ones a killed run left there.
 */
import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { userDataDir } from '../paths';
import { cleanStaleTempsOnce, tempNameFor } from '../files/stale-temp';
import { writeFully } from '../files/write-fully';

/** where nested levels are spooled: `<user data>/tmp` */
export function spoolDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'tmp');
}

/**
 * Removes the spools a killed run left in `<user data>/tmp` (once per process): called by every nested read, the
 * one-pass form too, which writes no spool itself — else a crash's leftovers would stay until a spooled run.
 */
export async function sweepSpools(): Promise<void> {
  await cleanStaleTempsOnce(spoolDir());
}

/** DER of OID 1.2.840.113549.1.7.2 (signedData) */
const SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex');
const SNIFF_BYTES = 96;

function binaryLooksSigned(b: Uint8Array): boolean {
  return b[0] === 0x30 && Buffer.from(b.subarray(0, 24)).includes(SIGNED_DATA_OID);
}

/** the blanks JS's trimStart removes from a latin1 text: tab, LF, VT, FF, CR, space, no-break space */
function isLatin1Blank(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
}

/**
 * false when the first byte after the blanks can start neither base64 nor a PEM line ('-'): the text test below
 * would say no too (an XML content, '<', is told so without converting and scanning its first KiB)
 */
function mayBeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, 1024);
  let i = 0;
  while (i < n && isLatin1Blank(head[i] as number)) i++;
  if (i === n) return false;
  const c = head[i] as number;
  return (
    c === 0x2d ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2f
  );
}

/** true when `head` (the first bytes) starts a CMS SignedData: binary, bare base64 or PEM-armoured. */
export function looksLikeSignedData(head: Uint8Array): boolean {
  if (binaryLooksSigned(head)) return true;
  if (!mayBeText(head)) return false;
  // the first KiB is plenty (32 base64 characters after a PEM header line); not the whole first chunk
  let text = Buffer.from(head.subarray(0, 1024)).toString('latin1').trimStart();
  if (text.startsWith('-----BEGIN')) text = text.slice(text.indexOf('\n') + 1);
  const b64 = text.replace(/[\r\n\t ]/g, '').match(/^[A-Za-z0-9+/]{32,}/)?.[0];
  if (!b64) return false;
  return binaryLooksSigned(Buffer.from(b64.slice(0, b64.length - (b64.length % 4)), 'base64'));
}

/**
 * true when the file's first bytes are a CMS SignedData (p7m/p7s in DER, BER or base64). Format dispatchers ask
 * this before '%PDF-' tests: a p7m of a PDF has '%PDF-' in its first kilobyte too.
 */
export async function isSignedDataFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => undefined);
  if (!fh) return false;
  try {
    const buf = Buffer.alloc(256);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return looksLikeSignedData(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** the spool is written in pieces of this size: a BER content of 4 KiB fragments is not 4 KiB writes */
const SPOOL_WRITE = 1024 * 1024;

/**
 * The first bytes of a content decide whether it is a nested SignedData: `signed(head)` is then told, and every
 * later chunk goes to `nested`; any other content goes to the optional `plain` sink.
 */
export abstract class ContentWatch {
  private head: Buffer[] = [];
  private headLength = 0;
  protected decided = false;
  protected found = false;

  /** `plainWants`: whether `plain` still wants bytes (default: as long as there is a `plain`) */
  constructor(
    private readonly plain?: (chunk: Uint8Array) => Promise<void>,
    private readonly plainWants: () => boolean = () => plain !== undefined,
  ) {}

  /** whether the content's next bytes matter here: to decide, for the nested level, or for `plain` */
  readonly wantsContent = (): boolean => !this.decided || this.found || this.plainWants();

  /** the callback to give the reader's onContent; done with `chunk` once its promise settles */
  readonly onContent = async (chunk: Uint8Array): Promise<void> => {
    if (!this.decided) {
      // a first chunk long enough decides by itself, without a copy (done with it before the promise settles)
      if (this.headLength === 0 && chunk.length >= SNIFF_BYTES) return this.decide(chunk);
      this.head.push(Buffer.from(chunk));
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) await this.decide();
      return;
    }
    if (this.found) await this.nested(chunk);
    else if (this.plain) await this.plain(chunk);
  };

  /** `first`: the first chunk when it alone decides (else the bytes gathered so far) */
  protected async decide(first?: Uint8Array): Promise<void> {
    this.decided = true;
    const head = first ?? Buffer.concat(this.head);
    this.head = [];
    if (!looksLikeSignedData(head)) {
      if (this.plain && head.length > 0) await this.plain(head);
      return;
    }
    this.found = true;
    await this.signed(head);
  }

  /** the content is a SignedData starting with `head` */
  protected abstract signed(head: Uint8Array): Promise<void>;
  /** the next chunk of that SignedData */
  protected abstract nested(chunk: Uint8Array): Promise<void>;
}

export class NestedCapture extends ContentWatch {
  private out?: FileHandle;
  private path?: string;
  /** bytes waiting to be written to the spool, and where they go */
  private pending = Buffer.alloc(0);
  private fill = 0;
  private written = 0;

  protected async nested(chunk: Uint8Array): Promise<void> {
    if (this.out) await this.write(chunk);
  }

  protected async signed(head: Uint8Array): Promise<void> {
    const dir = spoolDir();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await cleanStaleTempsOnce(dir);
    this.path = join(dir, tempNameFor('nested.p7m'));
    this.out = await open(this.path, 'wx', 0o600);
    this.pending = Buffer.allocUnsafe(SPOOL_WRITE);
    await this.write(head);
  }

  /** copies `chunk` into the pending piece, writing each piece as it fills */
  private async write(chunk: Uint8Array): Promise<void> {
    for (let off = 0; off < chunk.length;) {
      const n = Math.min(chunk.length - off, this.pending.length - this.fill);
      this.pending.set(n === chunk.length ? chunk : chunk.subarray(off, off + n), this.fill);
      this.fill += n;
      off += n;
      if (this.fill === this.pending.length) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    await writeFully(this.out as FileHandle, this.pending.subarray(0, this.fill), this.written);
    this.written += this.fill;
    this.fill = 0;
  }

  /** After the reader finished: the spooled nested SignedData, if the content was one. */
  async finish(): Promise<string | undefined> {
    if (!this.decided) await this.decide();
    const out = this.out;
    if (!out) return undefined;
    await this.flush();
    this.out = undefined;
    await out.close();
    return this.path;
  }

  async cleanup(): Promise<void> {
    await this.out?.close().catch(() => undefined);
    this.out = undefined;
    if (this.path) await unlink(this.path).catch(() => undefined);
  }
}
