/** PIN change and PUK unblock: secrets only in requests; the answer is just ok or `{code, message}`. */
import { z } from 'zod';
import { NonEmptyTextSchema, SecretSchema } from './common';

export const ChangePinRequestSchema = z.strictObject({
  token: NonEmptyTextSchema,
  oldPin: SecretSchema,
  newPin: SecretSchema,
});
export type ChangePinRequest = z.infer<typeof ChangePinRequestSchema>;

export const UnblockPinRequestSchema = z.strictObject({
  token: NonEmptyTextSchema,
  puk: SecretSchema,
  newPin: SecretSchema,
});
export type UnblockPinRequest = z.infer<typeof UnblockPinRequestSchema>;
