/**
 * PDF verification with a hashing thread started before the PDF was parsed (range-hash-thread.ts, as the CLI
 * starts it for `sigillo verify BIG.pdf`): the report is the one made without any speed-up (SIGILLO_NO_FAST=1)
 * for a 3-signature PDF whose bytes are random (a head start ending at a wrong place could not give the right
 * digest by chance), for a SHA-512 signature (no head start: SHA-256 only), for a byte changed in the prefix
 * every signature covers, and when the thread offered is dead. A thread offered for another file is not taken.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import {
  closeOfferedHashThread,
  headStartsTaken,
  offerHashThread,
  startHashThread,
} from '../../electron/core/pdf/range-hash-thread';
import { openVerification } from '../../electron/core/validate/session';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import { writeRandomPaddedPdf } from './support/make-pdf';
import { signFile } from './support/signers';

const fx = inject('fixture');
/** above the size from which the ranges are hashed on a thread (shared-range-hash.ts), several reads */
const PADDING = 12 * 1024 * 1024;

describe('verifyPdf with a hashing thread started ahead', () => {
  let dir: string;
  let opts: VerifyFileOptions;
  let three: string;
  let sha512: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'early-hash-pdf-'));
    opts = await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null });
    let input = writeRandomPaddedPdf(join(dir, 'doc.pdf'), PADDING, 3);
    for (let i = 1; i <= 3; i++) input = await signFile(fx.pki, input, join(dir, `doc-${i}.pdf`));
    three = input;
    sha512 = await signFile(fx.pki, join(dir, 'doc.pdf'), join(dir, 'doc-512.pdf'), { digest: 'sha512' });
  });

  async function report(path: string, fast: boolean): Promise<string> {
    const before = process.env.SIGILLO_NO_FAST;
    if (fast) delete process.env.SIGILLO_NO_FAST;
    else process.env.SIGILLO_NO_FAST = '1';
    try {
      return JSON.stringify(await verifyPdf(path, { ...opts, now: new Date('2030-01-01T00:00:00Z') }));
    } finally {
      if (before === undefined) delete process.env.SIGILLO_NO_FAST;
      else process.env.SIGILLO_NO_FAST = before;
    }
  }

  /** the report with a thread started on `path` `wait` ms before (and checked against the slow one) */
  async function early(path: string, wait: number, thread = startHashThread(path)) {
    offerHashThread(thread);
    await new Promise((r) => setTimeout(r, wait));
    const before = headStartsTaken.count;
    const fast = await report(path, true);
    const took = headStartsTaken.count - before;
    expect(fast).toBe(await report(path, false));
    return { took, r: JSON.parse(fast) as { signatures: { integrity: string; indication: string }[] } };
  }

  it('three SHA-256 signatures: the head start taken, the report the same as without speed-ups', async () => {
    for (const wait of [0, 300]) {
      const { took, r } = await early(three, wait);
      expect(took).toBe(1);
      expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid', 'valid']);
    }
  });

  it('a SHA-512 signature: no head start, the same report', async () => {
    const { took, r } = await early(sha512, 300);
    expect(took).toBe(0);
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid']);
  });

  it('a byte changed in the prefix every signature covers: all three broken, the same report', async () => {
    const bytes = readFileSync(three);
    const at = bytes.indexOf(`<< /Length ${PADDING} >>`) + 1000;
    bytes[at] = bytes[at]! ^ 1;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const { took, r } = await early(tampered, 300);
    expect(took).toBe(1);
    expect(r.signatures.map((s) => s.integrity)).toEqual(['invalid', 'invalid', 'invalid']);
  });

  it('a dead thread: each signature hashed on its own, the same report', async () => {
    const dead = startHashThread(three);
    dead.close();
    const { took, r } = await early(three, 50, dead);
    expect(took).toBe(0);
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid', 'valid']);
  });

  it('a thread offered for another file is left for the command to close', async () => {
    offerHashThread(startHashThread(sha512));
    await report(three, true); // with a thread of its own
    expect(closeOfferedHashThread()).toBe(true);
    expect(closeOfferedHashThread()).toBe(false);
  });
});
