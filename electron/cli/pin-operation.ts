/**
 * The run shared by `sigillo pin change` and `sigillo pin unblock`: find the token, refuse or warn from its PIN
 * flags, read the authorising secret (current PIN or PUK) and the new PIN, make ONE attempt, print the result,
 * and zero every secret whatever happens.
 */
import type { Message } from '../core/i18n/translate';
import { t } from '../core/i18n/translate';
import type { Pkcs11Service } from '../core/pkcs11/pkcs11-service';
import type { TokenInfo } from '../core/pkcs11/token-types';
import { EXIT_OK, type CommandContext, type OptionsConfig } from './command';
import { moduleOption, stringOption, withCardService } from './card-options';
import { readNewPin, zero } from './pin-input';

export const pinOptions: OptionsConfig = { ...moduleOption, token: { type: 'string' } };

export interface PinOperation {
  /** `operation` in the JSON result */
  name: 'pin-change' | 'pin-unblock';
  /** throws when the token cannot take the attempt (locked); else a warning to show first, if any */
  precheck(token: TokenInfo): string | undefined;
  /** the secret that authorises the operation */
  readSecret(env: NodeJS.ProcessEnv): Promise<Buffer>;
  apply(svc: Pkcs11Service, token: string, secret: Buffer, newPin: Buffer): Promise<TokenInfo>;
  /** the success line, `{l}` = token label */
  done: Message;
}

export function runPinOperation(ctx: CommandContext, op: PinOperation): Promise<number> {
  return withCardService(ctx, async (svc) => {
    const token = svc.findToken(stringOption(ctx, 'token'));
    const warning = op.precheck(token);
    if (warning) ctx.out.warn(`⚠ ${warning}`);
    let secret: Buffer | undefined;
    let newPin: Buffer | undefined;
    try {
      secret = await op.readSecret(ctx.env);
      newPin = await readNewPin(ctx.env);
      const after = await op.apply(svc, token.serialNumber || token.label, secret, newPin);
      if (ctx.out.json) ctx.out.result({ ok: true, operation: op.name, token: after.label });
      else ctx.out.line(t(op.done, { l: after.label }));
      return EXIT_OK;
    } finally {
      zero(secret, newPin);
    }
  });
}
