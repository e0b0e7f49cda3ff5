import {
  DEFAULT_MATCH_PARAMS,
  DEFAULT_RATE_PARAMS,
  type MatchParams,
  type RateParams,
} from "@ringtrail/core/match";
import type { Queryable } from "@ringtrail/db";

export interface AccountParams {
  /** FS parameters: the whole matcher, or the rate model's caller-side m/u. */
  params: MatchParams;
  /**
   * "estimated" once FS EM has run and the account chose it; "rates" when the account matches
   * with the rate model (core match/rate.ts), chosen or by `auto`; else "default".
   */
  source: "default" | "estimated" | "rates";
  /** The rate model's rates (its EM estimate, or its defaults); null unless source is "rates". */
  rates: RateParams | null;
  /** Calls the estimate in use was fitted to (0 for defaults). */
  callsUsed: number;
  logLikelihood: number | null;
  /** When the estimate in use was made; null for defaults. */
  updatedAt: number | null;
}

const DEFAULTS: AccountParams = {
  params: DEFAULT_MATCH_PARAMS,
  source: "default",
  rates: null,
  callsUsed: 0,
  logLikelihood: null,
  updatedAt: null,
};

export type MatcherChoice = "auto" | "defaults" | "estimate" | "rates";

/**
 * `auto` switches to the rate model once its EM has fitted at least this many calls: the
 * rate defaults are the same for every account, and before an account's first estimate the
 * FS defaults answer "no session" closer to the truth (packages/sim scenarios, small-site).
 */
export const AUTO_RATES_MIN_CALLS = 50;

/** What the account chose to match with (PUT /v1/attribution/params); `auto` without a row. */
export function matcherChoice(row: Readonly<Record<string, unknown>> | undefined): MatcherChoice {
  const choice = row?.matcher;
  return choice === "defaults" || choice === "estimate" || choice === "rates" ? choice : "auto";
}

/**
 * The matcher the account's next call is matched with, from its match_params row: `auto`
 * resolves by whether the rates have been estimated, and an FS estimate chosen before it
 * exists leaves the defaults.
 */
export function matcherInUse(
  row: Readonly<Record<string, unknown>> | undefined,
): "defaults" | "estimate" | "rates" {
  const choice = matcherChoice(row);
  if (choice === "auto")
    return row && row.rates !== null && Number(row.rates_calls_used) >= AUTO_RATES_MIN_CALLS
      ? "rates"
      : "defaults";
  if (choice === "estimate" && (!row || row.params === null)) return "defaults";
  return choice;
}

/** An account's match_params row, as matcherChoice and matcherInUse read it. */
export const MATCH_PARAMS_SQL = `SELECT params, calls_used, log_likelihood, updated_at, matcher, rates,
    rates_calls_used, rates_estimated_at
  FROM match_params WHERE account_id = ?`;

/**
 * The parameters an account's calls are matched with: one primary-key read per call, with the
 * parsed JSON cached by the row's version so a call pays for parsing only after a change. The
 * FS EM estimate is used only where the account chose it: unsupervised FS EM converges to a
 * fit that ranks sessions worse than the defaults (`pnpm sim --estimators`).
 */
export class MatchParamsCache {
  private readonly parsed = new Map<string, { version: string; value: AccountParams }>();

  constructor(private readonly reads: Queryable) {}

  async get(accountId: string): Promise<AccountParams> {
    const { rows } = await this.reads.execute({ sql: MATCH_PARAMS_SQL, args: [accountId] });
    const row = rows[0];
    if (!row) return DEFAULTS;
    const inUse = matcherInUse(row);
    if (inUse === "defaults") return DEFAULTS;
    const useRates = inUse === "rates";
    const version = `${inUse}:${row.updated_at}:${row.rates_estimated_at}`;
    const cached = this.parsed.get(accountId);
    if (cached?.version === version) return cached.value;
    const value: AccountParams = useRates
      ? {
          params: DEFAULT_MATCH_PARAMS,
          source: "rates",
          rates:
            row.rates === null
              ? DEFAULT_RATE_PARAMS
              : (JSON.parse(String(row.rates)) as RateParams),
          callsUsed: row.rates === null ? 0 : Number(row.rates_calls_used),
          logLikelihood: null,
          updatedAt: row.rates_estimated_at === null ? null : Number(row.rates_estimated_at),
        }
      : {
          params: JSON.parse(String(row.params)) as MatchParams,
          source: "estimated",
          rates: null,
          callsUsed: Number(row.calls_used),
          logLikelihood: row.log_likelihood === null ? null : Number(row.log_likelihood),
          updatedAt: Number(row.updated_at),
        };
    if (this.parsed.size > 10_000) this.parsed.clear();
    this.parsed.set(accountId, { version, value });
    return value;
  }
}
