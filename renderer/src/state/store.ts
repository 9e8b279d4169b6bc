/**
 * The page's state (zustand). Holds what the screens share: where we are, the token list, settings, files handed
 * over by a drop. Never a PIN or a PUK: those live only in the dialog that asks for them.
 */
import { create } from 'zustand';
import type { ListTokensResponse, TokenView } from '../../../shared/schemas/certificates';
import type { ErrorInfo } from '../../../shared/schemas/common';
import type { Settings } from '../../../shared/schemas/settings';
import type { VerifyResponse } from '../../../shared/schemas/verify';

export type Route = 'home' | 'sign' | 'verify' | 'certificates' | 'pin' | 'renewal' | 'settings' | 'about';

export interface AppState {
  route: Route;
  /** token label chosen by the user; null: the first one present */
  selectedToken: string | null;
  tokens: TokenView[];
  module: string | null;
  tokensLoaded: boolean;
  tokensError: ErrorInfo | null;
  settings: Settings | null;
  /** files waiting on the Sign / Verify screens (absolute paths) */
  signFiles: string[];
  verifyFiles: string[];
  /** bumped to make the Verify screen run again on its files */
  verifyRun: number;
  /** the verifyRun value already handled (a screen that mounts again does not re-run it) */
  verifyHandled: number;
  /** the last verification, kept while the user moves between screens */
  verifyResult: VerifyResponse | null;
  /** fingerprints whose banner the user closed in this session ("Ricordamelo più tardi") */
  bannerDismissed: string[];

  navigate(route: Route): void;
  setTokens(res: ListTokensResponse): void;
  setTokensError(err: ErrorInfo): void;
  selectToken(label: string): void;
  setSettings(s: Settings): void;
  addSignFiles(paths: readonly string[]): void;
  setSignFiles(paths: string[]): void;
  addVerifyFiles(paths: readonly string[], run?: boolean): void;
  setVerifyFiles(paths: string[]): void;
  dismissBanner(fingerprint: string): void;
  markVerifyHandled(run: number): void;
  setVerifyResult(r: VerifyResponse | null): void;
}

function merge(current: readonly string[], more: readonly string[]): string[] {
  return [...new Set([...current, ...more])];
}

export const useApp = create<AppState>()((set) => ({
  route: 'home',
  selectedToken: null,
  tokens: [],
  module: null,
  tokensLoaded: false,
  tokensError: null,
  settings: null,
  signFiles: [],
  verifyFiles: [],
  verifyRun: 0,
  verifyHandled: 0,
  verifyResult: null,
  bannerDismissed: [],

  navigate: (route) => set({ route }),
  setTokens: (res) => set({ tokens: res.tokens, module: res.module, tokensLoaded: true, tokensError: null }),
  setTokensError: (err) => set({ tokensError: err, tokensLoaded: true, tokens: [] }),
  selectToken: (label) => set({ selectedToken: label }),
  setSettings: (settings) => set({ settings }),
  addSignFiles: (paths) => set((s) => ({ signFiles: merge(s.signFiles, paths) })),
  setSignFiles: (signFiles) => set({ signFiles }),
  addVerifyFiles: (paths, run = true) =>
    set((s) => ({
      verifyFiles: merge(s.verifyFiles, paths),
      verifyRun: run ? s.verifyRun + 1 : s.verifyRun,
    })),
  setVerifyFiles: (verifyFiles) => set({ verifyFiles }),
  markVerifyHandled: (run) => set({ verifyHandled: run }),
  setVerifyResult: (verifyResult) => set({ verifyResult }),
  dismissBanner: (fp) => set((s) => ({ bannerDismissed: merge(s.bannerDismissed, [fp]) })),
}));

/** The token the screens act on: the chosen one when still present, else the first. */
export function currentToken(s: Pick<AppState, 'tokens' | 'selectedToken'>): TokenView | undefined {
  return s.tokens.find((t) => t.label === s.selectedToken) ?? s.tokens[0];
}
