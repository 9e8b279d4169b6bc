/**
 * The IPC contract: every method the page may call, with the zod schema of its request and response.
 * Channel names derive from the method name (see channels.ts). Requests are strict objects: the main process
 * rejects unknown fields, wrong types, oversized strings and unsafe paths before any handler runs.
 */
import type { z } from 'zod';
import {
  ExportCertificateRequestSchema,
  ListTokensRequestSchema,
  ListTokensResponseSchema,
  PathResponseSchema,
} from './schemas/certificates';
import { EmptyRequestSchema, OkResponseSchema } from './schemas/common';
import { OpenFilesEventSchema } from './schemas/events';
import { OpenSignedRequestSchema, OpenSignedResponseSchema } from './schemas/open';
import { ChangePinRequestSchema, UnblockPinRequestSchema } from './schemas/pin';
import {
  RenewalStatusResponseSchema,
  SetRemindersRequestSchema,
  SnoozeRequestSchema,
} from './schemas/renewal';
import { SettingsPatchSchema, SettingsSchema } from './schemas/settings';
import { TrustStateSchema, UpdateTrustRequestSchema } from './schemas/trust';
import {
  CancelRequestSchema,
  PlanSignRequestSchema,
  PlanSignResponseSchema,
  SignRequestSchema,
  SignResponseSchema,
} from './schemas/sign';
import {
  AppInfoSchema,
  ChooseFilesRequestSchema,
  ChooseFilesResponseSchema,
  ChooseFolderRequestSchema,
  ChoosePathResponseSchema,
  ChooseSavePathRequestSchema,
  OpenExternalRequestSchema,
  PathRequestSchema,
  PdfPreviewResponseSchema,
} from './schemas/system';
import {
  ExportReportRequestSchema,
  ExtractRequestSchema,
  ExtractResponseSchema,
  VerifyRequestSchema,
  VerifyResponseSchema,
} from './schemas/verify';
import { VisualDiffRequestSchema, VisualDiffResponseSchema } from './schemas/visual';

export const CONTRACT = {
  appInfo: { request: EmptyRequestSchema, response: AppInfoSchema },
  getSettings: { request: EmptyRequestSchema, response: SettingsSchema },
  setSettings: { request: SettingsPatchSchema, response: SettingsSchema },
  listTokens: { request: ListTokensRequestSchema, response: ListTokensResponseSchema },
  sign: { request: SignRequestSchema, response: SignResponseSchema },
  /** before the PIN: outputs that already exist (with a free numbered name), files the format cannot sign */
  planSign: { request: PlanSignRequestSchema, response: PlanSignResponseSchema },
  cancel: { request: CancelRequestSchema, response: OkResponseSchema },
  verify: { request: VerifyRequestSchema, response: VerifyResponseSchema },
  exportReport: { request: ExportReportRequestSchema, response: PathResponseSchema },
  extract: { request: ExtractRequestSchema, response: ExtractResponseSchema },
  /** the changed pages of a verified PDF side by side (issue 23), rendered in the card worker */
  visualDiff: { request: VisualDiffRequestSchema, response: VisualDiffResponseSchema },
  /** a verified file's signed document (p7m content, a PDF signature's revision, the XML) for the system viewer */
  openSigned: { request: OpenSignedRequestSchema, response: OpenSignedResponseSchema },
  exportCertificate: { request: ExportCertificateRequestSchema, response: PathResponseSchema },
  changePin: { request: ChangePinRequestSchema, response: OkResponseSchema },
  unblockPin: { request: UnblockPinRequestSchema, response: OkResponseSchema },
  renewalStatus: { request: EmptyRequestSchema, response: RenewalStatusResponseSchema },
  snoozeReminder: { request: SnoozeRequestSchema, response: OkResponseSchema },
  setReminders: { request: SetRemindersRequestSchema, response: OkResponseSchema },
  openExternal: { request: OpenExternalRequestSchema, response: OkResponseSchema },
  showItemInFolder: { request: PathRequestSchema, response: OkResponseSchema },
  chooseFiles: { request: ChooseFilesRequestSchema, response: ChooseFilesResponseSchema },
  chooseFolder: { request: ChooseFolderRequestSchema, response: ChoosePathResponseSchema },
  chooseSavePath: { request: ChooseSavePathRequestSchema, response: ChoosePathResponseSchema },
  readPdfPreview: { request: PathRequestSchema, response: PdfPreviewResponseSchema },
  /** the EU trusted lists: state from the cache (no network), and an update with progress events */
  trustStatus: { request: EmptyRequestSchema, response: TrustStateSchema },
  updateTrust: { request: UpdateTrustRequestSchema, response: TrustStateSchema },
  /** files the app was opened with (argv, "open with", macOS open-file) not yet taken; later ones come as events */
  takeOpenFiles: { request: EmptyRequestSchema, response: OpenFilesEventSchema },
} as const;

export type Contract = typeof CONTRACT;
export type InvokeMethod = keyof Contract;
export const INVOKE_METHODS = Object.keys(CONTRACT) as InvokeMethod[];

export function isInvokeMethod(name: unknown): name is InvokeMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

/** the contract seen per method (a mapped type, so that indexing it by a generic method keeps the correlation) */
const TYPED_CONTRACT: {
  [M in InvokeMethod]: {
    request: z.ZodType<z.output<Contract[M]['request']>, z.input<Contract[M]['request']>>;
    response: z.ZodType<z.output<Contract[M]['response']>>;
  };
} = CONTRACT;

/** the request and response schemas of one method, typed by the method */
export function contractOf<M extends InvokeMethod>(method: M): (typeof TYPED_CONTRACT)[M] {
  return TYPED_CONTRACT[method];
}
