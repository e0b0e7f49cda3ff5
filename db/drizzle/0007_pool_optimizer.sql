CREATE TABLE `pool_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`number_id` text NOT NULL,
	`action` text NOT NULL,
	`from_pool_id` text,
	`to_pool_id` text,
	`reason` text NOT NULL,
	`key_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pool_audit_from` ON `pool_audit` (`account_id`,`from_pool_id`,`at`);--> statement-breakpoint
CREATE INDEX `pool_audit_to` ON `pool_audit` (`account_id`,`to_pool_id`,`at`);--> statement-breakpoint
CREATE TABLE `pool_exhaustions` (
	`pool_id` text NOT NULL,
	`minute` integer NOT NULL,
	`account_id` text NOT NULL,
	`shared` integer DEFAULT 0 NOT NULL,
	`fallback` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`pool_id`, `minute`)
);
--> statement-breakpoint
ALTER TABLE `numbers` ADD `quarantined_until` integer;--> statement-breakpoint
ALTER TABLE `sites` ADD `hold_min_s` integer;--> statement-breakpoint
ALTER TABLE `sites` ADD `hold_max_s` integer;--> statement-breakpoint
ALTER TABLE `sites` ADD `exploration` real DEFAULT 0.05 NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `number_price_cents` integer DEFAULT 115 NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `quarantine_days` integer DEFAULT 14 NOT NULL;