import type { App, Services } from "../../context";
import { registerPoolAudit } from "./audit";
import { registerCreatePool } from "./create";
import { registerOptimizePool } from "./optimize";
import { registerReadPools } from "./read";
import { registerPoolReport } from "./report";
import { registerUpdatePool } from "./update";

export function registerPools(app: App, services: Services) {
  registerCreatePool(app, services);
  registerReadPools(app, services);
  registerUpdatePool(app, services);
  registerPoolReport(app, services);
  registerOptimizePool(app, services);
  registerPoolAudit(app, services);
}
