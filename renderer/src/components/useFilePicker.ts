/**
 * "Choose files…": a hidden <input type=file> whose files become absolute paths through the bridge
 * (Electron: the real path; browser harness: an upload). Works the same in both hosts.
 */
import { useCallback } from 'react';
import { filesToPaths } from '../bridge/files';

export type PickKind = 'any' | 'verify' | 'module' | 'certificate';

const ACCEPT: Record<PickKind, string> = {
  any: '',
  verify: '.p7m,.p7s,.tsd,.m7m,.pdf,.xml,.asice,.sce,.asics,.scs,.bdoc,.P7M,.P7S,.PDF,.XML',
  module: '.so,.dll,.dylib',
  certificate: '.pem,.cer,.crt,.der',
};

export function useFilePicker(
  onPaths: (paths: string[], signedPdfs: Set<string>) => void,
  onError?: (message: string) => void,
) {
  return useCallback(
    (kind: PickKind = 'any', multiple = true) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      if (ACCEPT[kind]) input.accept = ACCEPT[kind];
      input.style.display = 'none';
      input.addEventListener('change', () => {
        const files = Array.from(input.files ?? []);
        input.remove();
        if (files.length === 0) return;
        void filesToPaths(files).then((r) => (r.ok ? onPaths(r.paths, r.signedPdfs) : onError?.(r.message)));
      });
      document.body.appendChild(input);
      input.click();
    },
    [onPaths, onError],
  );
}
