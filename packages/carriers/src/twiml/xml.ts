/** A tiny XML writer for TwiML-family markup; enough for flat verbs with attributes. */

export type Attrs = ReadonlyArray<
  readonly [name: string, value: string | number | boolean | undefined]
>;

export interface XmlElement {
  name: string;
  attrs?: Attrs;
  children?: ReadonlyArray<XmlElement | string>;
}

// Characters XML 1.0 cannot carry at all; one would make the carrier reject the whole reply
// and fail the call, so they are dropped instead.
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes as xmlbuilder (behind twilio's `VoiceResponse`) does, so our markup is byte-identical
 * to the official library's: `& < "` and whitespace other than space in attributes (an
 * attribute value's newlines would otherwise be normalised away); `& < >` and CR in text.
 */
export function escapeAttr(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#x9;")
    .replace(/\n/g, "&#xA;")
    .replace(/\r/g, "&#xD;");
}

export function escapeText(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#xD;");
}

export function toXml(element: XmlElement): string {
  let attrs = "";
  for (const [name, value] of element.attrs ?? []) {
    if (value !== undefined) attrs += ` ${name}="${escapeAttr(String(value))}"`;
  }
  const children = element.children ?? [];
  if (children.length === 0) return `<${element.name}${attrs}/>`;
  const inner = children.map((c) => (typeof c === "string" ? escapeText(c) : toXml(c))).join("");
  return `<${element.name}${attrs}>${inner}</${element.name}>`;
}

export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${toXml(root)}`;
}
