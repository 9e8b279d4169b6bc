/** The options of one signing batch: certificate, format, visible box, timestamp, output folder. */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import type { SignFormat, VisibleBox } from '../../../../shared/schemas/sign';
import type { Settings } from '../../../../shared/schemas/settings';
import { api, call } from '../../bridge';
import { CertificatePicker } from './CertificatePicker';
import { DEFAULT_BOX, VisibleBoxFields } from './VisibleBoxFields';
import { PdfBoxPicker } from './PdfBoxPicker';

export interface SignChoices {
  certId: string | undefined;
  format: SignFormat;
  visible: VisibleBox | null;
  timestamp: boolean;
  outputDir: string | null;
}

const FORMATS: SignFormat[] = ['auto', 'cades', 'pades', 'xades'];

export function SignOptions({
  token,
  settings,
  pdfFile,
  choices,
  onChange,
}: {
  token: TokenView;
  settings: Settings | null;
  /** the first PDF among the files (its page is previewed for the visible signature) */
  pdfFile: string | undefined;
  choices: SignChoices;
  onChange(c: SignChoices): void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<SignChoices>) => onChange({ ...choices, ...patch });
  const pades = pdfFile !== undefined && (choices.format === 'auto' || choices.format === 'pades');
  const tsaConfigured = Boolean(settings?.timestamp.url);
  const chooseFolder = async () => {
    const res = await call(() => api().chooseFolder({ title: t('sign.outputChoose') }));
    if (res.ok && res.value.path) set({ outputDir: res.value.path });
  };
  return (
    <div className="cols-2">
      <div>
        <CertificatePicker token={token} certId={choices.certId} onChange={(certId) => set({ certId })} />
        <fieldset>
          <legend>{t('sign.output')}</legend>
          <p className={choices.outputDir ? 'mono' : undefined}>
            {choices.outputDir ?? t('sign.outputBeside')}
          </p>
          <div className="row">
            <button type="button" className="btn" onClick={() => void chooseFolder()}>
              {t('sign.outputChoose')}
            </button>
            {choices.outputDir && (
              <button type="button" className="btn" onClick={() => set({ outputDir: null })}>
                {t('sign.outputReset')}
              </button>
            )}
          </div>
        </fieldset>
      </div>
      <div>
        <fieldset>
          <legend>{t('sign.format')}</legend>
          {FORMATS.map((f) => (
            <label className="choice" key={f}>
              <input
                type="radio"
                name="sign-format"
                value={f}
                checked={choices.format === f}
                onChange={() => set({ format: f })}
              />
              <span>{t(`format.${f}`)}</span>
            </label>
          ))}
        </fieldset>
        {pades && (
          <fieldset>
            <legend>{t('sign.appearance')}</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={choices.visible !== null}
                onChange={(e) => set({ visible: e.target.checked ? DEFAULT_BOX : null })}
              />
              <span>{t('sign.visible')}</span>
            </label>
            {choices.visible && pdfFile && (
              <>
                <PdfBoxPicker file={pdfFile} box={choices.visible} onChange={(visible) => set({ visible })} />
                <VisibleBoxFields box={choices.visible} onChange={(visible) => set({ visible })} />
              </>
            )}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('sign.timestamp')}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={choices.timestamp}
              disabled={!tsaConfigured}
              onChange={(e) => set({ timestamp: e.target.checked })}
            />
            <span>{t('sign.timestampAdd')}</span>
          </label>
          {!tsaConfigured && <p className="hint muted">{t('sign.timestampNone')}</p>}
        </fieldset>
      </div>
    </div>
  );
}
