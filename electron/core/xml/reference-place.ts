/**
 * Where a typed same-document reference must point, as the EU DSS validator checks it against signature wrapping
 * (XAdESSignature.getReferenceValidations): a reference typed SignedProperties must resolve to the SignedProperties
 * of this signature's own QualifyingProperties (ds:Object/QualifyingProperties/SignedProperties), one typed Object to
 * a ds:Object child of this signature, one typed Manifest to a ds:Manifest child of such a ds:Object. An element
 * with the right Id anywhere else (the signature's own ds:KeyInfo excepted, as in DSS) (a fake object or manifest hidden in a wrapper) is "signed data not found".
 */
import { isSignedPropertiesType, NS, XADES_NAMESPACES } from './xml-names';

export const OBJECT_TYPE = 'http://www.w3.org/2000/09/xmldsig#Object';
export const MANIFEST_TYPE = 'http://www.w3.org/2000/09/xmldsig#Manifest';

function is(el: Node | null, ns: readonly string[], name: string): el is Element {
  const e = el as Element | null;
  return e !== null && e.nodeType === 1 && ns.includes(e.namespaceURI ?? '') && e.localName === name;
}

const DS = [NS.ds];

/** A ds:Object that is a direct child of `signature`. */
function ownObject(el: Node | null, signature: Element): boolean {
  return is(el, DS, 'Object') && el.parentNode === signature;
}

/** true when `type` asks for a place and `target` is not there. */
export function misplacedTarget(type: string | null, target: Element, signature: Element): boolean {
  // DSS takes a reference to the signature's own ds:KeyInfo as such first, whatever its Type
  if (is(target, DS, 'KeyInfo') && target.parentNode === signature) return false;
  if (type === OBJECT_TYPE) return !ownObject(target, signature);
  if (type === MANIFEST_TYPE) return !(is(target, DS, 'Manifest') && ownObject(target.parentNode, signature));
  if (type !== null && isSignedPropertiesType(type)) {
    const qp = target.parentNode;
    return !(
      is(target, XADES_NAMESPACES, 'SignedProperties') &&
      is(qp, XADES_NAMESPACES, 'QualifyingProperties') &&
      ownObject(qp.parentNode, signature)
    );
  }
  return false;
}
