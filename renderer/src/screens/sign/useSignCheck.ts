/**
 * Everything that can fail without the card, asked before the PIN dialog opens (IPC planSign): files the chosen
 * format cannot sign (the PIN is not asked), outputs that already exist (the user chooses replace / another
 * name / cancel). Then the PIN. The answer only decides what the sign request asks: the core checks again
 * when it writes, and never overwrites unless told.
 */
import { useCallback, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/schemas/common';
import type { SignFormat, SignPlan } from '../../../../shared/schemas/sign';
import { api, call } from '../../bridge';
import type { OnExisting } from './ExistingOutputsDialog';

export type SignStage = 'idle' | 'checking' | 'exists' | 'pin';

export interface SignCheckInput {
  files: string[];
  format: SignFormat;
  outputDir: string | null;
  nest: boolean;
  detached?: boolean;
}

export function useSignCheck(onError: (e: ErrorInfo) => void) {
  const [stage, setStage] = useState<SignStage>('idle');
  const [existing, setExisting] = useState<SignPlan[]>([]);
  const [problems, setProblems] = useState<SignPlan[]>([]);
  const [onExisting, setOnExisting] = useState<OnExisting | null>(null);

  const start = async (input: SignCheckInput) => {
    setProblems([]);
    setOnExisting(null);
    setStage('checking');
    const r = await call(() =>
      api().planSign({
        files: input.files,
        format: input.format,
        outputDir: input.outputDir ?? undefined,
        nest: input.nest,
        detached: input.detached,
      }),
    );
    if (!r.ok) {
      setStage('idle');
      onError(r.error);
      return;
    }
    const bad = r.value.files.filter((p) => p.error);
    if (bad.length > 0) {
      setProblems(bad);
      setStage('idle');
      return;
    }
    const there = r.value.files.filter((p) => p.exists);
    setExisting(there);
    setStage(there.length > 0 ? 'exists' : 'pin');
  };

  return {
    stage,
    existing,
    problems,
    onExisting,
    start,
    choose: (c: OnExisting) => {
      setOnExisting(c);
      setStage('pin');
    },
    /** ask the PIN again (the user pressed "Riprova"): the outputs were checked moments ago */
    askPin: () => setStage('pin'),
    close: () => setStage('idle'),
    /** the files or the format changed: the old problems no longer apply */
    clearProblems: useCallback(() => setProblems([]), []),
  };
}
