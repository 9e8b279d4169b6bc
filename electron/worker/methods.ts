/**
 * The card worker's service (issue 20 §4): every method the shell may call, with the zod schema of its request
 * and response — the same kind of table as the page ↔ main contract (shared/contract.ts). The worker parses each
 * request before running anything (never trust the other process); the shell checks responses in dev and tests.
 * Requests carry what the shell adds to the page's request: the card module, the data folder, the TSA, trust files.
 */
import { z } from 'zod';
import {
  ExportCertificateRequestSchema,
  ListTokensResponseSchema,
  PathResponseSchema,
} from '../../shared/schemas/certificates';
import {
  AbsolutePathSchema,
  EmptyRequestSchema,
  FileListSchema,
  OkResponseSchema,
} from '../../shared/schemas/common';
import { ChangePinRequestSchema, UnblockPinRequestSchema } from '../../shared/schemas/pin';
import { SignRequestSchema, SignResponseSchema } from '../../shared/schemas/sign';
import { ExtractRequestSchema, ExtractResponseSchema, FileReportSchema } from '../../shared/schemas/verify';
import { VisualDiffResponseSchema } from '../../shared/schemas/visual';
import { OpenedDocumentSchema } from '../../shared/schemas/open';
import { TrustStateSchema } from '../../shared/schemas/trust';

/** the card settings every card method gets (never secrets) */
const CARD = {
  /** settings override; null/absent: SIGILLO_PKCS11_MODULE, then the built-in locations */
  module: AbsolutePathSchema.nullable().optional(),
  /** the user data folder (renewal reminders) */
  dataDir: AbsolutePathSchema.optional(),
};

/** the TSA from the settings when timestamps are on (password from the OS keychain) */
export const WorkerTsaSchema = z.strictObject({
  url: z.string().min(1),
  username: z.string().nullable(),
  password: z.string().nullable(),
});

export const WORKER_METHODS = {
  ping: { request: EmptyRequestSchema, response: z.strictObject({ pid: z.number().int() }) },
  listTokens: {
    request: z.strictObject({ ...CARD, refresh: z.boolean().optional() }),
    response: ListTokensResponseSchema,
  },
  exportCertificate: { request: ExportCertificateRequestSchema.extend(CARD), response: PathResponseSchema },
  /** the page's sign request (its `timestamp` wish already turned into `tsa` by the shell) */
  sign: {
    request: SignRequestSchema.extend({ ...CARD, tsa: WorkerTsaSchema.nullable() }),
    response: SignResponseSchema,
  },
  changePin: { request: ChangePinRequestSchema.extend(CARD), response: OkResponseSchema },
  unblockPin: { request: UnblockPinRequestSchema.extend(CARD), response: OkResponseSchema },
  verify: {
    request: z.strictObject({
      ...CARD,
      files: FileListSchema,
      offline: z.boolean(),
      /** detached .p7s content */
      content: AbsolutePathSchema.optional(),
      /** trusted certificates from the settings */
      trustFiles: z.array(AbsolutePathSchema),
    }),
    response: z.array(FileReportSchema),
  },
  extract: { request: ExtractRequestSchema, response: ExtractResponseSchema },
  exportReport: {
    request: z.strictObject({
      reports: z.array(FileReportSchema),
      outputPath: AbsolutePathSchema,
      overwrite: z.boolean(),
      /** trusted certificates from the settings (named in the report's trust line) */
      trustFiles: z.array(AbsolutePathSchema),
    }),
    response: PathResponseSchema,
  },
  /** a verified PDF's signed revisions rendered and compared with the final document (issue 23) */
  visualDiff: {
    request: z.strictObject({
      file: AbsolutePathSchema,
      signatures: z
        .array(
          z.strictObject({
            byteRange: z.array(z.number().int().min(0)).optional(),
            coversWholeDocument: z.boolean().optional(),
          }),
        )
        .max(10_000),
    }),
    response: VisualDiffResponseSchema,
  },
  /** a verified file's signed document written into the app's private temporary folder (issue 21 flow 5) */
  openSigned: {
    request: z.strictObject({
      file: AbsolutePathSchema,
      plan: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('envelope') }),
        z.strictObject({ kind: z.literal('xml') }),
        z.strictObject({
          kind: z.literal('pdf'),
          signature: z.number().int().min(1),
          signedEnd: z.number().int().min(1),
          // eslint-disable-next-line no-control-regex
          name: OpenedDocumentSchema.shape.name.regex(/^[^\\/\u0000-\u001f]+$/),
        }),
      ]),
      /** the file at verification time (size, times, inode); null: not known, refused */
      stamp: z
        .strictObject({
          dev: z.number(),
          ino: z.number(),
          size: z.number(),
          mtimeMs: z.number(),
          ctimeMs: z.number(),
        })
        .nullable(),
      sessionDir: AbsolutePathSchema,
    }),
    response: OpenedDocumentSchema,
  },
  /** the EU trusted lists' state, from the cache (no network) */
  trustStatus: { request: EmptyRequestSchema, response: TrustStateSchema },
  /** the EU trusted lists updated (LOTL, then each list: one progress event per list) */
  trustUpdate: { request: EmptyRequestSchema, response: TrustStateSchema },
  /** starts watching PC/SC readers; card events then come outside any call */
  watchCards: { request: EmptyRequestSchema, response: z.strictObject({ watching: z.literal(true) }) },
} as const;

type Methods = typeof WORKER_METHODS;
export type WorkerMethod = keyof Methods;

/** what the shell sends (zod input of the request schema) */
export type WorkerRequest<M extends WorkerMethod> = z.input<Methods[M]['request']>;
/** what an operation receives once the worker parsed the request */
export type WorkerParams<M extends WorkerMethod> = z.output<Methods[M]['request']>;
/** what an operation answers and the shell receives */
export type WorkerResponse<M extends WorkerMethod> = z.output<Methods[M]['response']>;

export function isWorkerMethod(name: unknown): name is WorkerMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(WORKER_METHODS, name);
}

/** the table seen per method (a mapped type, so that indexing it by a generic method keeps the correlation) */
const TYPED: {
  [M in WorkerMethod]: {
    request: z.ZodType<WorkerParams<M>, WorkerRequest<M>>;
    response: z.ZodType<WorkerResponse<M>>;
  };
} = WORKER_METHODS;

/** the request schema of one method, typed by the method */
export function requestSchema<M extends WorkerMethod>(m: M): z.ZodType<WorkerParams<M>, WorkerRequest<M>> {
  return TYPED[m].request;
}

/** the response schema of one method, typed by the method */
export function responseSchema<M extends WorkerMethod>(m: M): z.ZodType<WorkerResponse<M>> {
  return TYPED[m].response;
}
