/**
 * Output to a closed pipe (`sigillo devices | head -1`): the reader is gone, so there is nobody left to tell;
 * the process ends quietly with the exit code it has so far instead of an EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const s of streams) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
        exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        return;
      }
      throw e;
    });
  }
}
