import { afterAll, beforeAll, expect, it } from "vitest";
import { createTenant, createTestEnv, type TestEnv } from "../testing/app";
import { createSite } from "../testing/fixtures";
import { SiteConfigCache } from "./site-config";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

it("remembers an unknown key for the TTL only, so a site created by another process appears", async () => {
  const cache = new SiteConfigCache(env.database.reads, env.clock.now, 5_000);
  const site = await createSite(env, await createTenant(env));
  await env.database.client.execute({
    sql: "UPDATE sites SET public_key = 'pk_notyetthere0000' WHERE id = ?",
    args: [site.id],
  });
  const lookups: string[] = [];
  const counting = {
    execute: (stmt: Parameters<typeof env.database.reads.execute>[0]) => {
      lookups.push(typeof stmt === "string" ? stmt : stmt.sql);
      return env.database.reads.execute(stmt);
    },
  };
  const watched = new SiteConfigCache(counting, env.clock.now, 5_000);
  expect(await watched.byPublicKey(site.public_key)).toBeNull();
  expect(await watched.byPublicKey(site.public_key)).toBeNull();
  expect(lookups).toHaveLength(1); // the miss is cached
  // Another process gives a site this key; within the TTL we still say no, after it we see it.
  await env.database.client.execute({
    sql: "UPDATE sites SET public_key = ? WHERE id = ?",
    args: [site.public_key, site.id],
  });
  env.clock.advance(4_000);
  expect(await watched.byPublicKey(site.public_key)).toBeNull();
  env.clock.advance(2_000);
  expect((await watched.byPublicKey(site.public_key))?.id).toBe(site.id);
  expect((await cache.byPublicKey(site.public_key))?.id).toBe(site.id);
});
