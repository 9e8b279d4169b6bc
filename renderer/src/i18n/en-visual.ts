/** English: the visual comparison of a signed PDF's versions (issue 23). */
import type { Dict } from './types';
import type { itVisual } from './it-visual';

export const enVisual: Dict<typeof itVisual> = {
  visual: {
    show: 'Show differences',
    hide: 'Hide differences',
    title: 'What changed after signing',
    loading: 'Comparing the versions…',
    signature: 'Signature {{n}} — {{name}}',
    panels: 'Left: the signed version; middle: the document now; right: the differences in red.',
    changed: 'Page {{page}}: changed ({{pct}} of the pixels)',
    added: 'Page {{page}}: added after signing',
    removed: 'Page {{page}}: removed after signing',
    imageAlt:
      'Page {{page}}: signed version, document now and the differences outlined in {{count}} red boxes',
    identical_one: 'Page {{pages}} is identical to the signed version.',
    identical_other: 'Pages {{pages}} are identical to the signed version.',
    notCompared: 'Pages not compared (over the limit): {{pages}}.',
    harmless:
      'Only permitted changes after this signature (other signatures, timestamps, validation data): no visible difference.',
    noVisible: 'No visible difference on the pages.',
    invisibleRefused:
      'No visible difference, but the file was changed in a way that is not permitted: see the list of changes.',
    covers: 'This signature covers the whole document.',
    changeList: 'Changes found by the analysis of the file',
    close: 'Close',
  },
};
