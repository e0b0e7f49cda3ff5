import type { CallForMatch, LineType } from "@ringtrail/core/match";

/** What matching needs to know about a call, from the webhook or the stored row. */
export interface CallFacts {
  accountId: string;
  /** The tracking number's id; null when the dialed number is not registered. */
  numberId: string | null;
  carrier: string;
  carrierCallId: string;
  /** E.164, or "anonymous". */
  from: string;
  to: string;
  /** Call start, epoch ms. */
  at: number;
  callerRegion: string | null;
  callerCountry: string | null;
  /** As the carrier reported it ("mobile", "landline", "fixedVoip" …). */
  lineType: string | null;
}

const LINE_TYPES: Readonly<Record<string, LineType>> = {
  mobile: "mobile",
  wireless: "mobile",
  cellphone: "mobile",
  landline: "landline",
  fixed: "landline",
  voip: "voip",
  fixedvoip: "voip",
  nonfixedvoip: "voip",
  tollfree: "toll_free",
};

/** The carrier's line type in core's vocabulary; unknown values count as unknown. */
export function lineTypeOf(raw: string | null): LineType | null {
  if (raw === null) return null;
  return LINE_TYPES[raw.toLowerCase().replace(/[^a-z]/g, "")] ?? null;
}

/**
 * Core's view of the call. No caller point is passed: a region's centroid is too coarse for
 * core's distance buckets (a caller in San Francisco would sit 300 km from a session there),
 * so geo compares regions, which is what the carriers' caller data resolves to anyway.
 */
export function callForMatch(facts: CallFacts, linkedVisitors: readonly string[]): CallForMatch {
  return {
    at: facts.at,
    to: facts.to,
    callerRegion: facts.callerRegion,
    callerCountry: facts.callerCountry ?? facts.callerRegion?.split("-")[0] ?? null,
    lineType: lineTypeOf(facts.lineType),
    callerHistory: { visitorIds: linkedVisitors },
  };
}

/** A withheld or malformed caller id links nothing: every anonymous caller would be one. */
export function hasCallerId(from: string): boolean {
  return from.startsWith("+");
}
