/**
 * "Apri il documento firmato" / "Apri la versione firmata": the main process writes the signed document into the
 * app's private temporary folder and opens it with the system viewer; in the browser harness the answer is a
 * download URL and the page downloads the bytes. A program or a script is not opened: the note says where it is.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { api, call } from '../../bridge';
import type { ActionNote } from './useDocumentActions';

/** the browser download of a same-origin URL (harness) */
function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** what happened, kept as a message key (re-rendered in the current language) or the main process's message */
type OpenState =
  | { tone: ActionNote['tone']; key: string; params?: Record<string, string>; path?: string }
  | { tone: 'bad'; message: string };

export function useOpenSigned(report: FileReport, reportId: string) {
  const { t } = useTranslation();
  const [state, setState] = useState<OpenState | null>(null);
  const [busy, setBusy] = useState(false);

  /** `signature`: the 1-based PDF signature whose revision to open */
  const open = async (signature?: number) => {
    setBusy(true);
    setState({ tone: 'ok', key: 'open.opening' });
    const res = await call(() =>
      api().openSigned({ reportId, file: report.file, ...(signature ? { signature } : {}) }),
    );
    setBusy(false);
    if (!res.ok) return setState({ tone: 'bad', message: res.error.message });
    const doc = res.value;
    const params = { name: doc.name, path: doc.path };
    if (doc.outcome === 'saved' && doc.risk) {
      return setState({ tone: 'warn', key: `open.saved.${doc.risk}`, params, path: doc.path });
    }
    if (doc.outcome === 'download' && doc.downloadUrl) {
      download(doc.downloadUrl, doc.name);
      return setState({ tone: 'ok', key: 'open.downloaded', params });
    }
    setState({ tone: 'ok', key: 'open.opened', params });
  };

  const note: ActionNote | null = !state
    ? null
    : 'message' in state
      ? { tone: state.tone, text: state.message }
      : { tone: state.tone, text: t(state.key, state.params), ...(state.path ? { path: state.path } : {}) };
  return { note, busy, open };
}
