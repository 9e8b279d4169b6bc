/**
 * Run before every test file of the shared workers (vitest.config.mts): what one file may leave behind for the
 * next in the same process — the core's language (setLang) — is put back as a fresh process would have it.
 */
import { setLang } from '../../electron/core/i18n/translate';
import { detectLang } from '../../electron/core/i18n/locale';

setLang(detectLang());
