import type { DeviceType, RegionCode } from "../visit";

/** A session currently shown a number. */
export interface Holder {
  sessionId: string;
  region: RegionCode | null;
  country: string | null;
  device: DeviceType;
}

/** The visitor a number is being chosen for. */
export interface Visitor {
  region: RegionCode | null;
  country: string | null;
  device: DeviceType;
}

/** A tracking number in a pool, as read from the database for one visit. */
export interface PoolNumber {
  id: string;
  e164: string;
  /** Where the number's area code is; a country code ("US") for toll-free numbers. */
  region: RegionCode | null;
  kind: "local" | "toll_free";
  status: "active" | "quarantined" | "retired";
  /** Epoch ms until which the number is leased; at or before `now` it is free. */
  leasedUntil: number;
  /** Epoch ms when its last lease ended; null if it has never been leased. */
  releasedAt: number | null;
  holders: readonly Holder[];
}

/**
 * One attempt for the caller to make. `sticky`: re-lease the number this visitor already
 * holds. `free`: lease an unleased number. `shared`: add this visitor as another holder of a
 * leased number. `fallback`: show the pool's fallback number, leasing nothing.
 */
export type Claim =
  | { kind: "sticky"; numberId: string }
  | { kind: "free"; numberId: string }
  | { kind: "shared"; numberId: string }
  | { kind: "fallback"; e164: string };

/** What to do when no number is free: double up on a leased one, or show the fallback. */
export type OnExhausted = "share" | "fallback";
