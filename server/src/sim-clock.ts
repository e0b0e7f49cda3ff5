import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";

/**
 * Simulated time for the traffic simulator (packages/sim), which replays days of traffic in
 * minutes: each request may carry `x-ringtrail-sim-time` (epoch ms) and the clock moves
 * forward to it, never back. Only when the operator starts the server with SIM_CLOCK=1;
 * a production server ignores the header.
 */
export interface SimClock {
  now: () => number;
  advanceTo(ms: number): void;
}

export function createSimClock(start = Date.now()): SimClock {
  let t = start;
  return {
    now: () => t,
    advanceTo(ms) {
      if (Number.isFinite(ms) && ms > t) t = ms;
    },
  };
}

export const SIM_TIME_HEADER = "x-ringtrail-sim-time";

export function simClockMiddleware(clock: SimClock): MiddlewareHandler<AppEnv> {
  return async function simClockHeader(c, next) {
    const header = c.req.header(SIM_TIME_HEADER);
    if (header) clock.advanceTo(Number(header));
    await next();
  };
}
