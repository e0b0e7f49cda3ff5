import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";

export const accounts = sqliteTable("accounts", {
  id: id(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export type Account = typeof accounts.$inferSelect;
