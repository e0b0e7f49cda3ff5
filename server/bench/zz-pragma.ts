import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@ringtrail/db";

const dir = mkdtempSync(join(tmpdir(), "rt-st-"));
const database = await openDatabase({ url: `file:${join(dir, "m.db")}` });
const raw = database.raw!;
console.log(
  raw.prepare("PRAGMA synchronous").all([]),
  raw.prepare("PRAGMA journal_mode").all([]),
  raw.prepare("PRAGMA busy_timeout").all([]),
);
console.log((await database.client.execute("PRAGMA synchronous")).rows);
