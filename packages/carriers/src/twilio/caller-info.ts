import type { CallerInfo } from "../call-event";
import { defined } from "../defined";
import { type FormParams, field } from "../form-params";

/**
 * Twilio's caller details: `FromCity/FromState/FromZip/FromCountry` (best effort, often
 * blank), CNAM in `CallerName` when caller-name lookup is on, and the line type when a
 * lookup add-on is installed on the number (`AddOns` JSON).
 */
export function twilioCallerInfo(params: FormParams): CallerInfo | undefined {
  const info = defined({
    city: field(params, "FromCity"),
    state: field(params, "FromState"),
    zip: field(params, "FromZip"),
    country: field(params, "FromCountry"),
    name: field(params, "CallerName"),
    lineType: lineTypeFromAddOns(field(params, "AddOns")),
  });
  return Object.keys(info).length > 0 ? info : undefined;
}

/**
 * Add-on results arrive as `{"status":"successful","results":{"<add-on>":{"result":{…}}}}`.
 * Carrier-info style add-ons put the type at `result.carrier.type`, Lookup v2 line type
 * intelligence at `result.line_type_intelligence.type`; the first one found wins.
 */
export function lineTypeFromAddOns(json: string | undefined): string | undefined {
  if (!json) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const results = record(record(parsed)?.results);
  for (const addOn of Object.values(results ?? {})) {
    const result = record(record(addOn)?.result);
    for (const holder of [result?.carrier, result?.line_type_intelligence]) {
      const type = record(holder)?.type;
      if (typeof type === "string" && type !== "") return type.toLowerCase();
    }
  }
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
