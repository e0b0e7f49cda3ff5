CREATE TABLE `attributions` (
	`call_id` text NOT NULL,
	`model` text NOT NULL,
	`session_id` text NOT NULL,
	`visitor_id` text,
	`touch_session_id` text NOT NULL,
	`channel` text NOT NULL,
	`source` text,
	`campaign` text,
	`landing_path` text,
	`touch_at` integer NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`call_id`, `model`, `touch_session_id`)
);
--> statement-breakpoint
CREATE TABLE `call_matches` (
	`call_id` text NOT NULL,
	`session_id` text NOT NULL,
	`phase` text NOT NULL,
	`probability` real NOT NULL,
	`weight` real NOT NULL,
	`levels` text,
	`contributions` text NOT NULL,
	PRIMARY KEY(`call_id`, `phase`, `session_id`)
);
--> statement-breakpoint
CREATE TABLE `match_params` (
	`account_id` text PRIMARY KEY NOT NULL,
	`params` text,
	`calls_used` integer DEFAULT 0 NOT NULL,
	`log_likelihood` real,
	`ended_calls` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `test_numbers` (
	`account_id` text NOT NULL,
	`e164` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `e164`)
);
--> statement-breakpoint
ALTER TABLE `calls` ADD `unattributed` real;--> statement-breakpoint
ALTER TABLE `calls` ADD `match_phase` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `match_params_at` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `is_test` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `calls_account_from` ON `calls` (`account_id`,`from`,`started_at`);