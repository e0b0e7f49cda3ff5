/**
 * The URL spellings Twilio's own validator (twilio@6.2.0 `validateRequest`) accepts for one
 * request, in its order: as received without and with the default port (Twilio signs what it
 * requested, and some front ends add or strip `:443`), then the WHATWG-normalised URL (e.g.
 * `'` → `%27`) and that URL with its query re-encoded like Node's legacy `querystring`, for
 * back ends that signed an escaped form.
 */
export function signedUrlVariants(url: string): string[] {
  const variants = [removePort(url), addPort(url)];
  let normalized: string | undefined;
  try {
    normalized = new URL(url).toString();
  } catch {
    normalized = undefined;
  }
  if (normalized !== undefined) {
    const without = removePort(normalized);
    const withPort = addPort(normalized);
    variants.push(without, withPort, legacyQuery(without), legacyQuery(withPort));
  }
  return [...new Set(variants)];
}

interface UrlParts {
  scheme: string;
  userInfo: string;
  host: string;
  port: string;
  rest: string;
}

/** Split without normalising, so the path and query keep the exact characters Twilio signed. */
function splitUrl(url: string): UrlParts | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return null;
  const [prefix, scheme = "", authority = ""] = match;
  const userInfoEnd = authority.lastIndexOf("@");
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // A colon only starts the port after the closing bracket of an IPv6 literal.
  const portStart = hostAndPort.indexOf(":", hostAndPort.lastIndexOf("]") + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? "" : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function addPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) return url;
  const port = parts.scheme.toLowerCase() === "https://" ? ":443" : ":80";
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

function removePort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

/**
 * `querystring.stringify(querystring.parse(query))` without `node:querystring` (absent on edge
 * runtimes). A plain object keeps its quirks: repeated keys are grouped at their first
 * position and integer-like keys come first. Only malformed escapes (`%zz`) decode differently:
 * they are kept verbatim here.
 */
function legacyQuery(url: string): string {
  const start = url.indexOf("?");
  if (start === -1 || start === url.length - 1) return url;
  const groups: Record<string, string[]> = Object.create(null);
  for (const pair of url.slice(start + 1).split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = legacyDecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : legacyDecode(pair.slice(eq + 1));
    const list = groups[key];
    if (list) list.push(value);
    else groups[key] = [value];
  }
  const query = Object.entries(groups)
    .flatMap(([key, values]) => values.map((v) => `${legacyEncode(key)}=${legacyEncode(v)}`))
    .join("&");
  return `${url.slice(0, start)}?${query}`;
}

function legacyDecode(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function legacyEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}
