/** The DER tags (X.690, universal class, one byte) the hand-written readers compare element tags with. */
export const BOOLEAN = 0x01;
export const INTEGER = 0x02;
export const OCTET_STRING = 0x04;
export const OID = 0x06;
export const ENUMERATED = 0x0a;
export const SEQUENCE = 0x30;
export const SET = 0x31;
/** context-specific class, primitive ([n] IMPLICIT of a primitive type); | 0x20 for constructed */
export const CONTEXT = 0x80;
