/** The report of the changes made after a signature (issue 18): structured items plus the summary fields. */
import type { Message } from '../../i18n/translate';

/** what a change is, as the rules name it */
export type ChangeKind =
  | 'signature'
  | 'timestamp'
  | 'dss'
  | 'metadata'
  | 'catalog'
  | 'form-fill'
  | 'annotation'
  | 'page-content'
  | 'pages'
  | 'appearance'
  | 'signature-replaced'
  | 'object'
  | 'too-complex';

/** one change found after the signed revision, with the rule that allowed or refused it */
export interface ChangeItem {
  kind: ChangeKind;
  allowed: boolean;
  /** the rule that decided (e.g. "dss", "form-fill", "docmdp", "page-content") */
  rule: string;
  /** that rule in words, Italian and English */
  ruleText: Message;
  /** 1-based page concerned, when known */
  page: number | null;
  /** object number concerned, when one */
  object: number | null;
  /** field or annotation name (or annotation subtype) */
  name: string | null;
  /** the decision in words, Italian and English */
  reason: Message;
}

export interface Modifications {
  /** incremental updates after the signed revision */
  laterRevisions: number;
  /** false when a later update changed something signing does not permit */
  allowed: boolean;
  /** 1-based pages with changes that are not allowed (pages added included) */
  pages: number[];
  /** object numbers with changes that are not allowed */
  objects: number[];
  /** the changes that are not allowed, in the user's language */
  changes: string[];
  /** kinds of permitted changes found: signature, timestamp, dss, form-fill, annotation, metadata, catalog */
  allowedChanges: string[];
  /** every change found, allowed or not, with the rule that decided */
  items: ChangeItem[];
}
