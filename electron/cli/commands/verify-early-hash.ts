/**
 * `sigillo verify`'s side of the PDF hashing thread the bin may have started (cli/early-pdf-hash.ts): handed
 * to the PDF verifier of its file (core/pdf/range-hash-thread.ts takeHashThread), closed when not taken.
 */
import { closeOfferedHashThread, offerHashThread } from '../../core/pdf/range-hash-thread';
import type { CommandContext } from '../command';

export function offerEarlyPdfHash(ctx: CommandContext): void {
  offerHashThread(ctx.early?.pdfHash);
}

/**
 * `verify` ended: closes the thread when the verifier did not take it. SIGILLO_DEBUG_EARLY_HASH=1 prints on
 * stderr whether it was taken and whether a head start was used.
 */
export function leaveEarlyPdfHash(ctx: CommandContext): void {
  const left = closeOfferedHashThread();
  if (ctx.env.SIGILLO_DEBUG_EARLY_HASH === '1' && ctx.early?.pdfHash) {
    const head = ctx.early.pdfHash.headStart ? 'used' : 'not used';
    process.stderr.write(`sigillo: early PDF hashing ${left ? 'left' : 'taken'}, head start ${head}\n`);
  }
}
