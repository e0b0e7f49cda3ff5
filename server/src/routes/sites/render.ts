import type { Site } from "@ringtrail/db";
import { iso } from "../iso";
import type { SiteBody } from "./schemas";

export function renderSite(site: Site, baseUrl: string): SiteBody {
  return {
    id: site.id,
    public_key: site.publicKey,
    name: site.name,
    origins: site.origins,
    targets: site.targets,
    hold_s: site.holdS,
    hold_min_s: site.holdMinS,
    hold_max_s: site.holdMaxS,
    exploration: site.exploration,
    number_price_cents: site.numberPriceCents,
    quarantine_days: site.quarantineDays,
    snippet: `<script async src="${baseUrl}/v1/rt.js" data-site="${site.publicKey}"></script>`,
    created_at: iso(site.createdAt)!,
  };
}
