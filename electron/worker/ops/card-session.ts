/** Opens the PKCS#11 module for one operation and always closes it (a fresh look at the readers each time). */
import { Pkcs11Service } from '../../core/pkcs11/pkcs11-service';

export interface CardParams {
  /** settings override; null/undefined: SIGILLO_PKCS11_MODULE, then the built-in locations */
  module?: string | null;
}

export async function withService<T>(
  params: CardParams,
  fn: (service: Pkcs11Service) => Promise<T> | T,
): Promise<T> {
  const service = Pkcs11Service.discover({ module: params.module ?? undefined });
  try {
    return await fn(service);
  } finally {
    service.close();
  }
}

/** Copies a secret string into a Buffer for the core, which zeroes it after use (see `finally` at call sites). */
export function secretBuffer(secret: string): Buffer {
  return Buffer.from(secret, 'utf8');
}
