import type { App, Services } from "../../context";
import { registerReadCalls } from "./read";

export function registerCalls(app: App, services: Services) {
  registerReadCalls(app, services);
}
