import { DEFAULT_MATCH_PARAMS, type MatchParams } from "@ringtrail/core/match";
import type { Queryable } from "@ringtrail/db";

export interface AccountParams {
  params: MatchParams;
  /** "estimated" once EM has run for the account and the account applies it, else "default". */
  source: "default" | "estimated";
  /** Calls the estimate was fitted to (0 for the defaults). */
  callsUsed: number;
  logLikelihood: number | null;
  updatedAt: number | null;
}

const DEFAULTS: AccountParams = {
  params: DEFAULT_MATCH_PARAMS,
  source: "default",
  callsUsed: 0,
  logLikelihood: null,
  updatedAt: null,
};

/**
 * The parameters an account's calls are matched with: one primary-key read per call, with the
 * parsed JSON cached by (account, updated_at) so a call pays for parsing only after a
 * re-estimation. The EM estimate is used only where the account applied it: unsupervised EM
 * converges to a fit that ranks sessions worse than the defaults (`pnpm sim --estimators`).
 */
export class MatchParamsCache {
  private readonly parsed = new Map<string, AccountParams>();

  constructor(private readonly reads: Queryable) {}

  async get(accountId: string): Promise<AccountParams> {
    const { rows } = await this.reads.execute({
      sql: "SELECT params, calls_used, log_likelihood, updated_at FROM match_params WHERE account_id = ? AND applied = 1",
      args: [accountId],
    });
    const row = rows[0];
    if (!row || row.params === null) return DEFAULTS;
    const updatedAt = Number(row.updated_at);
    const cached = this.parsed.get(accountId);
    if (cached?.updatedAt === updatedAt) return cached;
    const fresh: AccountParams = {
      params: JSON.parse(String(row.params)) as MatchParams,
      source: "estimated",
      callsUsed: Number(row.calls_used),
      logLikelihood: row.log_likelihood === null ? null : Number(row.log_likelihood),
      updatedAt,
    };
    if (this.parsed.size > 10_000) this.parsed.clear();
    this.parsed.set(accountId, fresh);
    return fresh;
  }
}
