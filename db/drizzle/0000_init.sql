CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`hash` text NOT NULL,
	`hint` text NOT NULL,
	`scope` text NOT NULL,
	`name` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE INDEX `api_keys_account` ON `api_keys` (`account_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`session_id` text NOT NULL,
	`type` text NOT NULL,
	`number` text,
	`at` integer NOT NULL,
	`value` text
);
--> statement-breakpoint
CREATE INDEX `events_session` ON `events` (`session_id`);--> statement-breakpoint
CREATE TABLE `leases` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`session_id` text NOT NULL,
	`number_id` text NOT NULL,
	`target` text NOT NULL,
	`kind` text NOT NULL,
	`assigned_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`until` integer NOT NULL,
	`released_at` integer
);
--> statement-breakpoint
CREATE INDEX `leases_session` ON `leases` (`session_id`);--> statement-breakpoint
CREATE INDEX `leases_number_until` ON `leases` (`number_id`,`until`);--> statement-breakpoint
CREATE TABLE `numbers` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`pool_id` text,
	`e164` text NOT NULL,
	`carrier` text NOT NULL,
	`region` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`forward_to` text,
	`leased_until` integer DEFAULT 0 NOT NULL,
	`holder` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `numbers_e164` ON `numbers` (`e164`);--> statement-breakpoint
CREATE INDEX `numbers_pool` ON `numbers` (`pool_id`);--> statement-breakpoint
CREATE INDEX `numbers_account` ON `numbers` (`account_id`);--> statement-breakpoint
CREATE TABLE `pools` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`site_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`priority` integer NOT NULL,
	`rules` text NOT NULL,
	`target` text,
	`fallback` text,
	`on_exhausted` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pools_site` ON `pools` (`site_id`);--> statement-breakpoint
CREATE INDEX `pools_account` ON `pools` (`account_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`site_id` text NOT NULL,
	`visitor_id` text,
	`pool_id` text,
	`started_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`channel` text NOT NULL,
	`source` text,
	`medium` text,
	`campaign` text,
	`term` text,
	`content` text,
	`click_ids` text,
	`referrer` text,
	`landing_url` text NOT NULL,
	`landing_path` text NOT NULL,
	`ga_client_id` text,
	`country` text,
	`region` text,
	`city` text,
	`lat` real,
	`lon` real,
	`time_zone` text,
	`device` text NOT NULL,
	`browser` text,
	`os` text,
	`viewport` text,
	`consentless` integer DEFAULT false NOT NULL,
	`page_views` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_visitor` ON `sessions` (`visitor_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `sessions_site_started` ON `sessions` (`site_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`origins` text NOT NULL,
	`targets` text NOT NULL,
	`hold_s` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_public_key` ON `sites` (`public_key`);--> statement-breakpoint
CREATE INDEX `sites_account` ON `sites` (`account_id`);--> statement-breakpoint
CREATE TABLE `visitors` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`site_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visitors_site` ON `visitors` (`site_id`);