/**
 * Output to a closed pipe (`sigillo devices | head -1`): the reader is gone, so there is nobody left to tell and
 * no reason to go on; the process ends at once, quietly, with 141 (128 + SIGPIPE, what a shell reports for a
 * Unix tool stopped the same way) instead of an EPIPE stack trace.
 */
export const EXIT_CLOSED_PIPE = 141;

export function endQuietlyOnClosedPipe(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const s of streams) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
        exit(EXIT_CLOSED_PIPE);
        return;
      }
      throw e;
    });
  }
}
