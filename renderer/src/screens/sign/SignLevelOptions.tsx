/**
 * Level (B, T, LT, LTA — T and above with the TSA of the Settings), detached .p7s and counter-signing: the
 * choices the core's signing policy takes. What cannot go together is disabled here, with the reason.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignFormat, SignLevel } from '../../../../shared/schemas/sign';
import type { Settings } from '../../../../shared/schemas/settings';
import { RadioChoices } from '../../components/RadioChoices';

export const SIGN_LEVELS: SignLevel[] = ['B', 'T', 'LT', 'LTA'];

export interface LevelChoices {
  level: SignLevel;
  detached: boolean;
  /** counter-sign signature N (1-based) of each .p7m; null: a new signature */
  countersign: number | null;
}

/** The highest level the other choices allow. */
export function maxLevel(format: SignFormat, c: Pick<LevelChoices, 'detached' | 'countersign'>): SignLevel {
  if (format === 'xades') return 'T';
  if (c.countersign !== null) return 'T';
  return c.detached ? 'LT' : 'LTA';
}

const rank = (l: SignLevel) => SIGN_LEVELS.indexOf(l);

/** `c` with its level lowered to what is allowed (and to B without a TSA). */
export function clampLevel<T extends LevelChoices>(c: T, format: SignFormat, tsa: boolean): T {
  const top = tsa ? maxLevel(format, c) : 'B';
  return rank(c.level) > rank(top) ? { ...c, level: top } : c;
}

interface Props {
  settings: Settings | null;
  format: SignFormat;
  /** a .p7m is among the files: counter-signing is offered */
  hasP7m: boolean;
  choices: LevelChoices;
  onChange(c: LevelChoices): void;
}

function setterFor({ settings, format, choices, onChange }: Props) {
  const tsa = Boolean(settings?.timestamp.url);
  return (patch: Partial<LevelChoices>) => onChange(clampLevel({ ...choices, ...patch }, format, tsa));
}

/** The level radios, with the TSA in use or why T and above are not available. */
export function SignLevelOptions(props: Props) {
  const { settings, format, choices } = props;
  const { t } = useTranslation();
  const set = setterFor(props);
  const tsaUrl = settings?.timestamp.url ?? null;
  const top = maxLevel(format, choices);
  return (
    <fieldset>
      <legend>{t('signLevel.legend')}</legend>
      <RadioChoices
        name="sign-level"
        values={SIGN_LEVELS}
        value={choices.level}
        label={(l) => t(`signLevel.${l}`)}
        disabled={(l) => l !== 'B' && (!tsaUrl || rank(l) > rank(top))}
        onChange={(level) => set({ level })}
      />
      {tsaUrl ? (
        <p className="hint muted">{t('signLevel.tsaFrom', { url: tsaUrl })}</p>
      ) : (
        <p className="hint muted">{t('signLevel.needsTsa')}</p>
      )}
      {format === 'xades' && <p className="hint muted">{t('signLevel.xadesUpToT')}</p>}
      {choices.countersign !== null && <p className="hint muted">{t('signLevel.countersignUpToT')}</p>}
      {choices.detached && <p className="hint muted">{t('signLevel.detachedUpToLt')}</p>}
    </fieldset>
  );
}

/** Detached .p7s (CAdES only) and counter-signing (when a .p7m is among the files). */
export function SignKindOptions(props: Props) {
  const { format, hasP7m, choices } = props;
  const { t } = useTranslation();
  const set = setterFor(props);
  const cades = format === 'auto' || format === 'cades';
  if (!cades && !hasP7m) return null;
  return (
    <fieldset>
      <legend>{t('signLevel.kind')}</legend>
      {cades && (
        <label className="choice">
          <input
            type="checkbox"
            checked={choices.detached}
            disabled={choices.countersign !== null}
            onChange={(e) => set({ detached: e.target.checked })}
          />
          <span>{t('signLevel.detached')}</span>
        </label>
      )}
      {choices.detached && <p className="hint muted">{t('signLevel.detachedHint')}</p>}
      {hasP7m && (
        <label className="choice">
          <input
            type="checkbox"
            checked={choices.countersign !== null}
            disabled={choices.detached}
            onChange={(e) => set({ countersign: e.target.checked ? 1 : null })}
          />
          <span>{t('signLevel.countersign')}</span>
        </label>
      )}
      {choices.countersign !== null && (
        <>
          <SignerNumber value={choices.countersign} onChange={(n) => set({ countersign: n })} />
          <p className="hint muted">{t('signLevel.countersignHint')}</p>
        </>
      )}
    </fieldset>
  );
}

/** Which signature to counter-sign (1 = the first): free typing, only a whole number 1–9999 is taken. */
function SignerNumber({ value, onChange }: { value: number; onChange(n: number): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  return (
    <label className="field">
      <span className="label">{t('signLevel.countersignSigner')}</span>
      <input
        type="number"
        min={1}
        max={9999}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 1 && n <= 9999) onChange(n);
        }}
      />
    </label>
  );
}
