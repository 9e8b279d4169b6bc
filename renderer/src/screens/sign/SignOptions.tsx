/** The options of one signing batch: certificate, format, level / detached / counter-sign, visible box, output folder. */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import type { SignFormat, VisibleBox } from '../../../../shared/schemas/sign';
import type { Settings } from '../../../../shared/schemas/settings';
import { api, call } from '../../bridge';
import { CertificatePicker } from './CertificatePicker';
import { DEFAULT_BOX, VisibleBoxFields } from './VisibleBoxFields';
import { PdfBoxPicker } from './PdfBoxPicker';
import { RadioChoices } from '../../components/RadioChoices';
import { clampLevel, SignKindOptions, SignLevelOptions, type LevelChoices } from './SignLevelOptions';

export interface SignChoices extends LevelChoices {
  certId: string | undefined;
  format: SignFormat;
  visible: VisibleBox | null;
  outputDir: string | null;
}

const FORMATS: SignFormat[] = ['auto', 'cades', 'pades', 'xades'];

export function SignOptions({
  token,
  settings,
  pdfFile,
  hasP7m,
  choices,
  onChange,
}: {
  token: TokenView;
  settings: Settings | null;
  /** the first PDF among the files (its page is previewed for the visible signature) */
  pdfFile: string | undefined;
  /** a .p7m is among the files (counter-signing is offered) */
  hasP7m: boolean;
  choices: SignChoices;
  onChange(c: SignChoices): void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<SignChoices>) => onChange({ ...choices, ...patch });
  const pades =
    pdfFile !== undefined &&
    !choices.detached &&
    choices.countersign === null &&
    (choices.format === 'auto' || choices.format === 'pades');
  const tsa = Boolean(settings?.timestamp.url);
  const setFormat = (format: SignFormat) => {
    const detached = choices.detached && (format === 'auto' || format === 'cades');
    onChange(clampLevel({ ...choices, format, detached }, format, tsa));
  };
  const levelProps = { settings, format: choices.format, hasP7m, choices, onChange: set };
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
        <SignLevelOptions {...levelProps} />
      </div>
      <div>
        <fieldset>
          <legend>{t('sign.format')}</legend>
          <RadioChoices
            name="sign-format"
            values={FORMATS}
            value={choices.format}
            label={(f) => t(`format.${f}`)}
            onChange={setFormat}
          />
        </fieldset>
        <SignKindOptions {...levelProps} />
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
      </div>
    </div>
  );
}
