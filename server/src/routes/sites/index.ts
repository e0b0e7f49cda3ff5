import type { App, Services } from "../../context";
import { registerCreateSite } from "./create";
import { registerReadSites } from "./read";
import { registerUpdateSite } from "./update";

export function registerSites(app: App, services: Services) {
  registerCreateSite(app, services);
  registerReadSites(app, services);
  registerUpdateSite(app, services);
}
