import type { InStatement } from "@libsql/client";
import type { Touch, VisitContext } from "@ringtrail/core";
import { referrerDomain } from "@ringtrail/core/channel";
import type { DeviceInfo } from "../device";
import type { GeoPoint } from "../geo/reader";
import { localHour } from "./local-hour";
import type { SessionState } from "./session-cache";
import type { SiteConfig } from "./site-config";
import type { VisitInput } from "./visit-service";

/** What a visit makes of its session: whether it starts one, its context, its row. */

/** As in GA: arriving through a different campaign starts a new session. */
export function startsNewCampaign(prev: SessionState, touch: Touch): boolean {
  if (touch.channel === "direct") return false;
  const a = prev.touch;
  return (
    a.channel !== touch.channel ||
    a.source !== touch.source ||
    a.medium !== touch.medium ||
    a.campaign !== touch.campaign
  );
}

export function visitContext(
  input: VisitInput,
  touch: Touch,
  geo: GeoPoint | null,
  dev: DeviceInfo,
  now: number,
): VisitContext {
  return {
    touch,
    path: pathOf(input.url),
    referrerDomain: referrerDomain(input.referrer),
    device: dev.device,
    country: geo?.country ?? null,
    region: geo?.region ?? null,
    localHour: localHour(now, geo),
  };
}

export function sessionInsert(
  s: SessionState,
  site: SiteConfig,
  input: VisitInput,
  landingPath: string,
  touch: Touch,
  geo: GeoPoint | null,
  dev: DeviceInfo,
  now: number,
): InStatement {
  return {
    sql: `INSERT INTO sessions (id, account_id, site_id, visitor_id, pool_id, started_at, last_seen_at, channel, source,
      medium, campaign, term, content, click_ids, referrer, landing_url, landing_path, ga_client_id, country, region,
      city, lat, lon, time_zone, device, browser, os, viewport, consentless, page_views)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    args: [
      s.id,
      site.accountId,
      site.id,
      s.visitorId,
      s.poolId,
      now,
      now,
      touch.channel,
      touch.source,
      touch.medium,
      touch.campaign,
      touch.term,
      touch.content,
      Object.keys(touch.clickIds).length > 0 ? JSON.stringify(touch.clickIds) : null,
      input.referrer,
      input.url,
      landingPath,
      input.gaClientId,
      geo?.country ?? null,
      geo?.region ?? null,
      geo?.city ?? null,
      geo?.lat ?? null,
      geo?.lon ?? null,
      geo?.timeZone ?? null,
      dev.device,
      dev.browser,
      dev.os,
      input.viewport ? input.viewport.join("x") : null,
      input.consentless ? 1 : 0,
    ],
  };
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "/";
  }
}
