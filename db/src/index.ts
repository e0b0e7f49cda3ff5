export type { InStatement, ResultSet } from "@libsql/client";
export * from "./client";
export * from "./group-commit";
export * from "./id";
export * as schema from "./schema/index";
export * from "./schema/index";
