export * from "./visit";
