import type { App, Services } from "../../context";
import { registerCreateInteraction } from "./create";
import { registerCustomerStateSource } from "./customer-state";
import { registerReadInteractions } from "./read";

export function registerInteractions(app: App, services: Services) {
  registerCreateInteraction(app, services);
  registerReadInteractions(app, services);
  registerCustomerStateSource(app, services);
}
