CREATE TABLE `flow_traces` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`call_id` text NOT NULL,
	`stage` text NOT NULL,
	`flow_id` text,
	`version` integer,
	`decision` text NOT NULL,
	`trace` text NOT NULL,
	`reply` text NOT NULL,
	`reply_type` text NOT NULL,
	`fallback` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flow_traces_call_stage` ON `flow_traces` (`call_id`,`stage`);--> statement-breakpoint
CREATE TABLE `routed_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`channel` text NOT NULL,
	`channel_type` text NOT NULL,
	`sender` text NOT NULL,
	`body` text NOT NULL,
	`agent_id` text,
	`contact` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `routed_requests_account` ON `routed_requests` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `http_allow_list` (
	`account_id` text NOT NULL,
	`origin` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `origin`)
);
--> statement-breakpoint
CREATE INDEX `http_allow_list_origin` ON `http_allow_list` (`origin`);--> statement-breakpoint
CREATE TABLE `lookup_rows` (
	`account_id` text NOT NULL,
	`table_name` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `table_name`, `key`)
);
--> statement-breakpoint
ALTER TABLE `calls` ADD `speech_sentiment` real;--> statement-breakpoint
ALTER TABLE `calls` ADD `speech_confidence` real;--> statement-breakpoint
ALTER TABLE `numbers` ADD `call_flow_id` text;