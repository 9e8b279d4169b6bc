/** The options every card command shares (--module, --token, --cert) and opening the PKCS#11 service from them. */
import type { CommandContext, OptionsConfig } from './command';
import type { Pkcs11Service } from '../core/pkcs11/pkcs11-service';

export const moduleOption: OptionsConfig = { module: { type: 'string' } };

export const tokenOptions: OptionsConfig = {
  ...moduleOption,
  token: { type: 'string' },
  cert: { type: 'string' },
};

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Finds the module (--module, SIGILLO_PKCS11_MODULE, built-in list) and loads it. The caller closes it. The
 * PKCS#11 code is loaded only here, so that work started before (a signature's input) overlaps its loading.
 */
export async function openCardService(ctx: CommandContext): Promise<Pkcs11Service> {
  const { Pkcs11Service } = await import('../core/pkcs11/pkcs11-service.js');
  return Pkcs11Service.discover({ module: stringOption(ctx, 'module'), env: ctx.env });
}

/** Runs `fn` with an open service and always closes it (C_Finalize), so the process exits cleanly. */
export async function withCardService<T>(
  ctx: CommandContext,
  fn: (svc: Pkcs11Service) => Promise<T> | T,
): Promise<T> {
  const svc = await openCardService(ctx);
  try {
    return await fn(svc);
  } finally {
    svc.close();
  }
}
