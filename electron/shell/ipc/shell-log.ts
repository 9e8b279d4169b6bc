/**
 * The shell's log: method names, error codes, durations — never request or response bodies (they may hold a
 * PIN, a PUK or document contents). Fields are restricted to short scalars; strings are cut to 200 characters.
 */
export type LogFields = Record<string, string | number | boolean | null>;

export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ShellLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function format(event: string, fields: LogFields = {}): string {
  const parts = Object.entries(fields).map(([k, v]) => {
    const s = typeof v === 'string' ? JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v) : String(v);
    return `${k}=${s}`;
  });
  return [event, ...parts].join(' ');
}

export function makeShellLog(sink: LogSink): ShellLog {
  return {
    info: (e, f) => sink.info(format(e, f)),
    warn: (e, f) => sink.warn(format(e, f)),
    error: (e, f) => sink.error(format(e, f)),
  };
}
