/**
 * Hosts an account-supplied URL must not reach over HTTPS: the machine Ringtrail runs on and
 * its private networks (cloud metadata at 169.254.169.254 included). Only IP literals and
 * local names are recognised; a public name that resolves to a private address is not.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return privateV4(v4.slice(1).map(Number));
  if (!host.includes(":")) return false;
  if (host === "::1" || host === "::") return true;
  const mapped = /^::ffff:(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (mapped) return privateV4(mapped.slice(1).map(Number));
  // URL normalises a mapped address to hex (::ffff:a00:1); treat every mapped one as suspect.
  if (host.startsWith("::ffff:")) return true;
  const first = Number.parseInt(host.split(":")[0] || "0", 16);
  // fc00::/7 unique local, fe80::/10 link local.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

function privateV4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}
