CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`number_id` text,
	`carrier` text NOT NULL,
	`carrier_call_id` text NOT NULL,
	`from` text NOT NULL,
	`to` text NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`duration_s` integer,
	`talk_s` integer,
	`caller_city` text,
	`caller_state` text,
	`caller_zip` text,
	`caller_country` text,
	`caller_region` text,
	`caller_line_type` text,
	`caller_name` text,
	`recording_url` text,
	`recording_id` text,
	`recording_duration_s` integer,
	`recording_file` text,
	`transcript` text,
	`transcript_confidence` real,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_carrier_call` ON `calls` (`carrier`,`carrier_call_id`);--> statement-breakpoint
CREATE INDEX `calls_account_started` ON `calls` (`account_id`,`started_at`,`id`);--> statement-breakpoint
CREATE TABLE `carrier_credentials` (
	`account_id` text NOT NULL,
	`carrier` text NOT NULL,
	`carrier_account` text,
	`secret` blob NOT NULL,
	`key_version` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `carrier`)
);
--> statement-breakpoint
CREATE INDEX `carrier_credentials_account` ON `carrier_credentials` (`carrier`,`carrier_account`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`run_after` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_key` ON `jobs` (`key`);--> statement-breakpoint
CREATE INDEX `jobs_due` ON `jobs` (`status`,`run_after`);