/** English resources: the compiler checks they have the same keys as the Italian ones. */
import { enShell } from './en-shell';
import { enScreens } from './en-screens';
import { enFlows } from './en-flows';

export const en = { ...enShell, ...enScreens, ...enFlows };
