export { DEFAULT_CLAIM_LIMIT, type RankClaimsInput, rankClaims } from "./rank";
export { erlangB, offeredLoad, sizeForBlocking } from "./sizing";
export type { Claim, Holder, OnExhausted, PoolNumber, Visitor } from "./types";
