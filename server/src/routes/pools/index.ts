import type { App, Services } from "../../context";
import { registerCreatePool } from "./create";
import { registerReadPools } from "./read";
import { registerUpdatePool } from "./update";

export function registerPools(app: App, services: Services) {
  registerCreatePool(app, services);
  registerReadPools(app, services);
  registerUpdatePool(app, services);
}
