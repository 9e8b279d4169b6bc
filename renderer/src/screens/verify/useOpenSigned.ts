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

export function useOpenSigned(report: FileReport, reportId: string) {
  const { t } = useTranslation();
  const [note, setNote] = useState<ActionNote | null>(null);
  const [busy, setBusy] = useState(false);

  /** `signature`: the 1-based PDF signature whose revision to open */
  const open = async (signature?: number) => {
    setBusy(true);
    setNote({ tone: 'ok', text: t('open.opening') });
    const res = await call(() =>
      api().openSigned({ reportId, file: report.file, ...(signature ? { signature } : {}) }),
    );
    setBusy(false);
    if (!res.ok) return setNote({ tone: 'bad', text: res.error.message });
    const doc = res.value;
    if (doc.outcome === 'saved' && doc.risk) {
      return setNote({
        tone: 'warn',
        text: t(`open.saved.${doc.risk}`, { name: doc.name, path: doc.path }),
        path: doc.path,
      });
    }
    if (doc.outcome === 'download' && doc.downloadUrl) {
      download(doc.downloadUrl, doc.name);
      return setNote({ tone: 'ok', text: t('open.downloaded', { name: doc.name }) });
    }
    setNote({ tone: 'ok', text: t('open.opened', { name: doc.name }) });
  };

  return { note, busy, open };
}
