import type { Claim } from "../pool/types";
import type { Characteristic } from "./characteristics";

/**
 * The claims with the free ones of the `preferred` characteristic moved ahead of the other
 * free ones, keeping every other order (sticky first, shared and fallback last). The learner
 * only reorders what the foundation's rule offered; it never adds or drops a claim.
 */
export function preferClaims(
  claims: readonly Claim[],
  preferred: Characteristic,
  characteristicOf: (numberId: string) => Characteristic | null,
): Claim[] {
  const firstFree = claims.findIndex((c) => c.kind === "free");
  if (firstFree < 0) return [...claims];
  const head = claims.slice(0, firstFree);
  const free: Claim[] = [];
  const rest: Claim[] = [];
  let i = firstFree;
  for (; i < claims.length && claims[i]!.kind === "free"; i++) free.push(claims[i]!);
  const matching = free.filter(
    (c) => c.kind === "free" && characteristicOf(c.numberId) === preferred,
  );
  for (const c of free) if (!matching.includes(c)) rest.push(c);
  return [...head, ...matching, ...rest, ...claims.slice(i)];
}
