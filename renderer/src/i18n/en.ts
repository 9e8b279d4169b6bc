/** English resources: the compiler checks they have the same keys as the Italian ones. */
import { enShell } from './en-shell';
import { enScreens } from './en-screens';
import { enSignLevels } from './en-sign-levels';
import { enFlows } from './en-flows';
import { enVisual } from './en-visual';
import { enOpen } from './en-open';

export const en = { ...enShell, ...enScreens, ...enSignLevels, ...enFlows, ...enVisual, ...enOpen };
