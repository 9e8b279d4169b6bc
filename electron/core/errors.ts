/**
 * The one error type the core throws on purpose. `code` is stable (CLI JSON, IPC `{code, message}`);
 * `message` is already in the user's language (see i18n/). Anything else that escapes is a bug and is
 * reported as INTERNAL without a stack trace.
 */
export class SigilloError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SigilloError';
  }
}

export interface ErrorInfo {
  code: string;
  message: string;
}

/** Turns anything thrown into `{code, message}` with no stack trace, for JSON output and IPC. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof SigilloError) return { code: e.code, message: e.message };
  const sys = e as NodeJS.ErrnoException | undefined;
  if (sys && typeof sys.code === 'string' && typeof sys.message === 'string') {
    return { code: `IO_${sys.code}`, message: sys.message };
  }
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
