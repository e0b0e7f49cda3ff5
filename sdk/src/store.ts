// Storage and cookies that never throw: blocked storage (sandboxed frames, strict privacy
// settings) reads as empty and drops writes.

/** Reads `key` from localStorage, or writes `value` there; an empty `value` removes the key. */
export function store(key: string, value?: string): string | null | undefined {
  try {
    const s = localStorage;
    if (value === undefined) return s.getItem(key);
    value ? s.setItem(key, value) : s.removeItem(key);
  } catch {}
}

/** The value of cookie `name`, or its part that `re` captures. */
export function cookie(name: string, re = "([^;]*)"): string | undefined {
  try {
    return (new RegExp(`(?:^|; )${name}=${re}`).exec(document.cookie) || [])[1];
  } catch {}
}

/** A first-party cookie for a year, shared by `domain` when given; an empty `value` deletes it. */
export function setCookie(name: string, value: string, domain?: string): void {
  try {
    document.cookie = `${name}=${value};path=/;max-age=${value ? 31536000 : 0};samesite=lax${
      domain ? `;domain=${domain}` : ""
    }${location.protocol === "https:" ? ";secure" : ""}`;
  } catch {}
}
