/** Epoch ms from the database to the contract's ISO 8601 UTC. */
export const iso = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString();
