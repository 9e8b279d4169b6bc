/** The report of the changes made after a signature (issue 18): the types of the shared schema. */
export type { ChangeItem, ChangeKind, Modifications } from '../../../../shared/schemas/verify-modifications';
