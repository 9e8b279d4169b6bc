/**
 * The whole window is a drop target. While dragging: an overlay says "drop here". After the drop: one choice,
 * "Firma questi file" / "Verifica questi file", preselected by type (signed envelopes → Verifica).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseName, defaultAction, type FileAction } from '../model/files';
import { filesToPaths } from '../bridge/files';
import { useApp } from '../state/store';
import { Dialog } from './Dialog';
import { Icon } from './Icon';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function useDroppedFiles(
  onPaths: (paths: string[], signedPdfs: Set<string>) => void,
  onError: (message: string) => void,
) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      void filesToPaths(files).then((r) => (r.ok ? onPaths(r.paths, r.signedPdfs) : onError(r.message)));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onPaths, onError]);
  return dragging;
}

/** Hands files to Sign or Verify and goes there. */
export function useOpenFilesWith() {
  const app = useApp();
  return (paths: string[], action: FileAction) => {
    // a new drop is a new batch: it replaces what was waiting
    if (action === 'verify') {
      app.setVerifyFiles([]);
      app.addVerifyFiles(paths);
      app.navigate('verify');
    } else {
      app.setSignFiles([...paths]);
      app.navigate('sign');
    }
  };
}

export function ChooseAction({
  paths,
  signedPdfs,
  onDone,
}: {
  paths: string[];
  signedPdfs?: Set<string>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const openWith = useOpenFilesWith();
  const preferred = defaultAction(paths, signedPdfs);
  const go = (action: FileAction) => {
    openWith(paths, action);
    onDone();
  };
  const button = (action: FileAction) => (
    <button
      type="button"
      className={`btn ${action === preferred ? 'primary' : ''}`}
      autoFocus={action === preferred}
      onClick={() => go(action)}
    >
      <Icon name={action === 'sign' ? 'sign' : 'verify'} />
      {t(action === 'sign' ? 'drop.signThese' : 'drop.verifyThese')}
    </button>
  );
  return (
    <Dialog labelledBy="drop-title" onClose={onDone}>
      <h2 id="drop-title">{t('drop.chooseTitle', { count: paths.length })}</h2>
      <ul className="file-names">
        {paths.slice(0, 6).map((p) => (
          <li key={p}>{baseName(p)}</li>
        ))}
        {paths.length > 6 && <li className="muted">{t('drop.andMore', { count: paths.length - 6 })}</li>}
      </ul>
      <div className="actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {button('sign')}
        {button('verify')}
      </div>
    </Dialog>
  );
}

export function DropOverlay() {
  const { t } = useTranslation();
  const [dropped, setDropped] = useState<{ paths: string[]; signedPdfs: Set<string> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onPaths] = useState(
    () => (paths: string[], signedPdfs: Set<string>) => paths.length > 0 && setDropped({ paths, signedPdfs }),
  );
  const [onError] = useState(() => (message: string) => setError(message));
  const dragging = useDroppedFiles(onPaths, onError);
  return (
    <>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">
            <Icon name="upload" size={40} />
            <div>{t('drop.overlay')}</div>
          </div>
        </div>
      )}
      {dropped && (
        <ChooseAction paths={dropped.paths} signedPdfs={dropped.signedPdfs} onDone={() => setDropped(null)} />
      )}
      {error && (
        <div className="toast notice bad" role="alert">
          <span>{t('drop.failed', { message: error })}</span>
          <button type="button" className="btn link" onClick={() => setError(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
    </>
  );
}
