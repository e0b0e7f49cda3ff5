import { NANP_REGIONS } from "../phone/nanp-areas.generated";
import type { RegionCode } from "../visit";

let byRegion: Map<string, string[]> | null = null;

/**
 * The NANP area codes of a state or province, from the same table `phoneRegion` reads:
 * "US-CO" -> ["303", "719", "720", "970", "983"]. Area codes whose numbers mostly lie
 * elsewhere (an exchange of 902 in Prince Edward Island) are listed only when the region
 * has no area code of its own, since a number bought there may land in the other region.
 */
export function areaCodesFor(region: RegionCode): readonly string[] {
  byRegion ??= buildIndex();
  return byRegion.get(region.toUpperCase()) ?? [];
}

function buildIndex(): Map<string, string[]> {
  const own = new Map<string, Set<string>>();
  const borrowed = new Map<string, Set<string>>();
  for (const [prefix, region] of Object.entries(NANP_REGIONS)) {
    const target = prefix.length === 3 ? own : borrowed;
    let codes = target.get(region);
    if (codes === undefined) {
      codes = new Set();
      target.set(region, codes);
    }
    codes.add(prefix.slice(0, 3));
  }
  const out = new Map<string, string[]>();
  for (const region of new Set([...own.keys(), ...borrowed.keys()])) {
    const codes = own.get(region) ?? borrowed.get(region) ?? new Set<string>();
    out.set(region, [...codes].sort());
  }
  return out;
}
