import type { App, Services } from "../../context";
import { registerReestimate } from "./reestimate";
import { registerAttributionReport } from "./report";

export function registerAttribution(app: App, services: Services) {
  registerAttributionReport(app, services);
  registerReestimate(app, services);
}
