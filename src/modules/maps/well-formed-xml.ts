/**
 * A strict parser for the small XML subset our SVG uses (elements, attributes, text and the
 * predefined or numeric entities), for the tests: Node has no XML parser built in, and a
 * browser would forgive the very mistakes (an unescaped `&`, an unclosed tag) we look for.
 * Anything else (comments, CDATA, doctypes, processing instructions) is refused.
 */
export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: (XmlElement | string)[];
}

const namePattern = /[A-Za-z_:][\w:.-]*/y;
const attributePattern = /\s+([A-Za-z_:][\w:.-]*)="([^"<]*)"/y;
const entityPattern = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  while (position < text.length) {
    const next = text.indexOf('<', position);
    const end = next === -1 ? text.length : next;
    const content = text.slice(position, end);
    if (content !== '') {
      const parent = stack.at(-1);
      if (parent) parent.children.push(decodeEntities(content));
      else if (content.trim() !== '') throw new Error(`Text outside the root element: ${content}`);
    }
    if (next === -1) break;
    position = next + 1;
    if (text[position] === '/') {
      const name = readName(text, position + 1);
      position += 1 + name.length;
      if (text[position] !== '>') throw new Error(`Malformed closing tag </${name}`);
      position += 1;
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const element: XmlElement = {
      name: readName(text, position),
      attributes: new Map(),
      children: [],
    };
    position += element.name.length;
    for (;;) {
      attributePattern.lastIndex = position;
      const match = attributePattern.exec(text);
      if (!match) break;
      const [whole, name, value] = match as unknown as [string, string, string];
      if (element.attributes.has(name)) throw new Error(`Attribute ${name} appears twice`);
      element.attributes.set(name, decodeEntities(value));
      position += whole.length;
    }
    const selfClosing = text.startsWith('/>', position);
    if (!selfClosing && text[position] !== '>') {
      throw new Error(`Malformed tag <${element.name} at ${position}`);
    }
    position += selfClosing ? 2 : 1;
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('More than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('No root element');
  return root;
}

function readName(text: string, position: number): string {
  namePattern.lastIndex = position;
  const match = namePattern.exec(text);
  if (!match) throw new Error(`Expected a name at ${position}`);
  return match[0];
}

function decodeEntities(raw: string): string {
  if (raw.includes('>')) throw new Error(`Unescaped ">" in ${raw}`);
  const decoded = raw.replace(entityPattern, (_, named?: string, decimal?: string, hex?: string) =>
    named
      ? namedEntities[named]!
      : String.fromCodePoint(Number.parseInt(decimal ?? hex!, decimal ? 10 : 16)),
  );
  // Every & left after decoding the valid entities was a bare one.
  if (raw.replace(entityPattern, '').includes('&')) throw new Error(`Unescaped "&" in ${raw}`);
  return decoded;
}

/** Every element below `root` (itself included) with this name, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found = root.name === name ? [root] : [];
  for (const child of root.children) {
    if (typeof child !== 'string') found.push(...elementsNamed(child, name));
  }
  return found;
}

export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join('');
}
