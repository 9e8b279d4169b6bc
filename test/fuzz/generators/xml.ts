/** XML hostile inputs: thousands of signatures, deep nesting, entity expansion (billion laughs), huge attributes. */
import { between, bytesCase, type Generator, type HostileCase } from './types';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const signature = (i: number) =>
  `<ds:Signature Id="s${i}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
  `<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="">` +
  `<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>` +
  `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue>` +
  `</ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`;

const xmlCase = (name: string, text: () => string): HostileCase =>
  bytesCase(`xml/${name}`, `${name}.xml`, text);

export const xmlGenerator: Generator = (rand) => {
  const sigs = between(rand, 1000, 20_000);
  const depth = between(rand, 10_000, 500_000);
  return [
    xmlCase(
      'many-signatures',
      () =>
        `<?xml version="1.0"?><doc xmlns:ds="${DS}">${Array.from({ length: sigs }, (_, i) => signature(i)).join('')}</doc>`,
    ),
    xmlCase('deep-nesting', () => `<?xml version="1.0"?>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`),
    xmlCase('deep-unclosed', () => `<?xml version="1.0"?>${'<a>'.repeat(depth)}`),
    xmlCase('billion-laughs', () => {
      const ents = ['<!ENTITY l0 "lol">'];
      for (let i = 1; i < 10; i++) ents.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
      return `<?xml version="1.0"?><!DOCTYPE d [${ents.join('')}]><d xmlns:ds="${DS}">&l9;${signature(0)}</d>`;
    }),
    xmlCase(
      'external-entity',
      () =>
        `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;${signature(0)}</d>`,
    ),
    xmlCase(
      'huge-attribute',
      () => `<?xml version="1.0"?><d a="${'x'.repeat(between(rand, 1, 64) << 20)}">${signature(0)}</d>`,
    ),
    xmlCase('many-namespaces', () => {
      const ns = Array.from({ length: sigs }, (_, i) => ` xmlns:n${i}="urn:${i}"`).join('');
      return `<?xml version="1.0"?><d${ns} xmlns:ds="${DS}">${signature(0)}</d>`;
    }),
  ];
};
