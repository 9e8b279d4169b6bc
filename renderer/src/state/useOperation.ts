/** Runs one long operation (sign / verify) with per-file byte progress from `progress` events and cancel. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/api';
import type { ProgressEvent } from '../../../shared/schemas/events';
import { api, call, newOperationId } from '../bridge';

export interface FileProgress {
  bytesDone: number;
  bytesTotal: number;
  done: boolean;
}

export function useOperation<T>() {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Record<string, FileProgress>>({});
  const opId = useRef<string | null>(null);
  const offRef = useRef<(() => void) | null>(null);

  useEffect(() => () => offRef.current?.(), []);

  const run = useCallback(async (start: (operationId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const operationId = newOperationId();
    opId.current = operationId;
    setProgress({});
    setRunning(true);
    offRef.current?.();
    offRef.current = api().on('progress', (e: ProgressEvent) => {
      if (e.operationId !== operationId) return;
      setProgress((p) => ({
        ...p,
        [e.file]: { bytesDone: e.bytesDone, bytesTotal: e.bytesTotal, done: e.phase === 'done' },
      }));
    });
    try {
      return await call(() => start(operationId));
    } finally {
      offRef.current?.();
      offRef.current = null;
      opId.current = null;
      setRunning(false);
    }
  }, []);

  const cancel = useCallback(async () => {
    const operationId = opId.current;
    if (operationId) await call(() => api().cancel({ operationId }));
  }, []);

  return { running, progress, run, cancel };
}
