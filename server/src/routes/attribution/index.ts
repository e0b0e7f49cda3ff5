import type { App, Services } from "../../context";
import { registerMatchParams } from "./params";
import { registerReestimate } from "./reestimate";
import { registerAttributionReport } from "./report";

export function registerAttribution(app: App, services: Services) {
  registerAttributionReport(app, services);
  registerReestimate(app, services);
  registerMatchParams(app, services);
}
