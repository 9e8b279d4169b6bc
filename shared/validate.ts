/** Validation used by both sides: requests (main, before any handler), responses and events (tests, bridge). */
import type { z } from 'zod';
import type { Result } from './api';
import { CONTRACT, contractOf, isInvokeMethod, type Contract, type InvokeMethod } from './contract';

/** Compact, non-echoing description of what is wrong (never repeats the input values: they may hold a PIN). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code === 'custom' ? i.message : i.code}`)
    .join('; ');
}

/** a request that fits its method: the method and the request its schema parsed */
export interface ValidCall<M extends InvokeMethod = InvokeMethod> {
  method: M;
  request: z.output<Contract[M]['request']>;
}

function parseRequest<M extends InvokeMethod>(method: M, payload: unknown): Result<ValidCall<M>> {
  const parsed = contractOf(method).request.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, error: { code: 'IPC_INVALID_REQUEST', message: describeIssues(parsed.error) } };
  }
  return { ok: true, value: { method, request: parsed.data } };
}

export function validateRequest(method: unknown, payload: unknown): Result<ValidCall> {
  if (!isInvokeMethod(method)) {
    return { ok: false, error: { code: 'IPC_UNKNOWN_METHOD', message: 'Unknown method' } };
  }
  return parseRequest(method, payload);
}

export function validateResponse(method: InvokeMethod, value: unknown): Result<unknown> {
  const parsed = CONTRACT[method].response.safeParse(value);
  if (!parsed.success) {
    return { ok: false, error: { code: 'IPC_INVALID_RESPONSE', message: describeIssues(parsed.error) } };
  }
  return { ok: true, value: parsed.data };
}
