import type { App, Services } from "../../context";
import { registerCreateNumber } from "./create";
import { registerImportNumbers } from "./import";
import { registerReadNumbers } from "./read";
import { registerUpdateNumber } from "./update";

export function registerNumbers(app: App, services: Services) {
  registerImportNumbers(app, services);
  registerCreateNumber(app, services);
  registerReadNumbers(app, services);
  registerUpdateNumber(app, services);
}
