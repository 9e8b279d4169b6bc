import {
  catalogueText,
  codeOf,
  type HolesOf,
  type MessageKey,
  type Params,
  type ParamsOf,
} from './i18n/catalogue';

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
    /** the catalogue key of the message (i18n/catalogue.ts), when it came from there */
    readonly key?: string,
  ) {
    super(message);
    this.name = 'SigilloError';
  }
}

/** The arguments after the key: the message's parameters (optional when it has none), then the details. */
type FailureArgs<K extends MessageKey> = [HolesOf<K>] extends [never]
  ? [params?: ParamsOf<K>, details?: Record<string, unknown>]
  : [params: ParamsOf<K>, details?: Record<string, unknown>];

/**
 * The error of catalogue key `key` (i18n/catalogue.ts): its code, its message in the user's language with the
 * parameters filled, and details (the parameters unless given).
 */
export function failure<K extends MessageKey>(key: K, ...[params, details]: FailureArgs<K>): SigilloError {
  return failureOf(key, params, details);
}

/** failure() for a key chosen at run time (a table of codes): the parameters are not checked at compile time. */
export function failureOf(
  key: MessageKey,
  params: Params = {},
  details?: Record<string, unknown>,
): SigilloError {
  return new SigilloError(codeOf(key), catalogueText(key, params), details ?? params, key);
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
