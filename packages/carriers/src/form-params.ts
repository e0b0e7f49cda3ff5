import type { SignedRequest } from "./adapter";
import { toText } from "./bytes";

/** Form fields in arrival order; a key sent twice keeps every value. */
export type FormParams = ReadonlyMap<string, readonly string[]>;

/** Decode `application/x-www-form-urlencoded` text the way carriers encode it (`+` = space). */
export function parseForm(text: string): FormParams {
  const out = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(text)) {
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

export function isJson(contentType: string | undefined): boolean {
  return /^\s*application\/([\w.+-]*\+)?json\b/i.test(contentType ?? "");
}

export function isForm(contentType: string | undefined): boolean {
  return /^\s*application\/x-www-form-urlencoded\b/i.test(contentType ?? "");
}

/**
 * The callback's fields: the form body, or for a GET-style request with an empty body the
 * URL's query (carriers configured with method GET put the fields there).
 */
export function requestFields(req: SignedRequest): FormParams {
  const body = toText(req.rawBody);
  if (body.length > 0) return parseForm(body);
  const q = req.url.indexOf("?");
  return q === -1 ? new Map() : parseForm(req.url.slice(q + 1));
}

/** The first non-empty value of a field. Carriers send blank geo fields as "". */
export function field(params: FormParams, name: string): string | undefined {
  const value = params.get(name)?.[0]?.trim();
  return value ? value : undefined;
}

/** A form as a plain record for `CallEvent.raw`: single values as strings, repeats as arrays. */
export function formRecord(params: FormParams): Record<string, string | readonly string[]> {
  // fromEntries defines own properties, so a field named "__proto__" stays a field.
  return Object.fromEntries(
    Array.from(params, ([key, values]) => [
      key,
      values.length === 1 && values[0] !== undefined ? values[0] : values,
    ]),
  );
}
