/** Building blocks shared by every IPC schema: strict, bounded, path-safe. No Node, no electron (layer rule). */
import { z } from 'zod';
import { LIMITS } from '../limits';

/** `{code, message}`: how every error crosses the boundary (never a stack trace). */
export const ErrorInfoSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .max(100),
  message: z.string().max(4000),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export const TextSchema = z.string().max(LIMITS.textChars);
export const NonEmptyTextSchema = TextSchema.min(1);

const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

/** Why a path string is not acceptable, or null when it is an absolute, traversal-free path. */
export function pathProblem(p: string): string | null {
  if (p.length === 0) return 'empty path';
  if (p.length > LIMITS.pathChars) return 'path too long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(p)) return 'control character in path';
  const isPosixAbsolute = p.startsWith('/') && !p.startsWith('//');
  if (!isPosixAbsolute && !WINDOWS_ABSOLUTE.test(p)) return 'path is not absolute';
  if (p.startsWith('\\\\?\\') || p.startsWith('\\\\.\\')) return 'device paths are not allowed';
  const segments = p.split(/[\\/]+/);
  if (segments.some((s) => s === '..' || s === '.')) return 'path contains . or .. segments';
  return null;
}

/** An absolute local path: no NUL/control characters, no `.`/`..` segments, no device namespace, bounded. */
export const AbsolutePathSchema = z.string().superRefine((p, ctx) => {
  const problem = pathProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export type AbsolutePath = z.infer<typeof AbsolutePathSchema>;

export const FileListSchema = z.array(AbsolutePathSchema).min(1).max(LIMITS.filesPerRequest);

/** PIN / PUK as typed by the user: only in requests, never in a response, event or log. */
export const SecretSchema = z
  .string()
  .min(1)
  .max(LIMITS.secretChars)
  .regex(/^[\x20-\x7e]+$/, 'printable ASCII only');

/** Renderer-chosen id of a long operation (progress events and cancel refer to it). */
export const OperationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const DigestSchema = z.enum(['sha256', 'sha384', 'sha512']);
export type Digest = z.infer<typeof DigestSchema>;

export const EmptyRequestSchema = z.strictObject({});
export type EmptyRequest = z.infer<typeof EmptyRequestSchema>;

export const OkResponseSchema = z.strictObject({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponseSchema>;

export const IsoDateSchema = z.string().max(40);
