/**
 * PIN / PUK input: from an environment variable, else a no-echo prompt on the terminal. Never from argv, never
 * logged. Returns a Buffer so callers can zero it after use.
 */
import { SigilloError } from '../core/errors';
import { t } from '../core/i18n/translate';

const NO_TERMINAL = {
  it: 'Serve {what}: impostare la variabile {env} oppure eseguire da un terminale.',
  en: '{what} needed: set the {env} variable or run from a terminal.',
};

export async function readSecret(
  env: NodeJS.ProcessEnv,
  varName: string,
  prompt: string,
  what: string,
): Promise<Buffer> {
  const fromEnv = env[varName];
  if (fromEnv !== undefined && fromEnv !== '') return Buffer.from(fromEnv, 'utf8');
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new SigilloError('SECRET_REQUIRED', t(NO_TERMINAL, { what, env: varName }));
  }
  return promptHidden(prompt);
}

function promptHidden(prompt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    const chars: number[] = [];
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      const buf = Buffer.from(chars);
      chars.fill(0);
      if (err) {
        buf.fill(0);
        reject(err);
      } else resolve(buf);
    };
    const onData = (data: Buffer) => {
      for (const byte of data) {
        if (byte === 0x0d || byte === 0x0a) return finish();
        if (byte === 0x03)
          return finish(new SigilloError('CANCELLED', t({ it: 'Annullato.', en: 'Cancelled.' })));
        if (byte === 0x7f || byte === 0x08) chars.pop();
        else if (byte >= 0x20) chars.push(byte);
      }
      data.fill(0);
    };
    stdin.on('data', onData);
  });
}
