import { describe, expect, it } from 'vitest';
import { elementsNamed, parseXml, textOf } from './well-formed-xml.ts';

describe("parseXml (the tests' well-formedness check)", () => {
  it('reads elements, attributes and text, decoding entities', () => {
    const root = parseXml('<a x="1 &amp; 2"><b>Sant&#39;Anna &lt;&#x41;&gt;</b><c/></a>');
    expect(root.attributes.get('x')).toBe('1 & 2');
    expect(elementsNamed(root, 'b').map(textOf)).toEqual(["Sant'Anna <A>"]);
    expect(elementsNamed(root, 'c')).toHaveLength(1);
  });

  it.each([
    ['<a>x & y</a>', /Unescaped "&"/],
    ['<a t="&bogus;"/>', /Unescaped "&"/],
    ['<a>1 > 0</a>', /Unescaped ">"/],
    ['<a><b></a>', /closes <b>/],
    ['<a>', /never closed/],
    ['<a/><b/>', /more than one root/i],
    ['text<a/>', /outside the root/],
    ['<a x="1" x="2"/>', /twice/],
    ["<a x='1'/>", /Malformed tag/],
    ['<a x="<"/>', /Malformed tag/],
    ['<!-- c --><a/>', /Expected a name/],
    ['', /No root/],
  ])('refuses %s', (text, error) => {
    expect(() => parseXml(text)).toThrow(error);
  });
});
