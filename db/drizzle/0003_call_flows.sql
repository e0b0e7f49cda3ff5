CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`contacts` text NOT NULL,
	`channel_types` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `agents_account` ON `agents` (`account_id`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`rrule` text NOT NULL,
	`time_zone` text NOT NULL,
	`duration_min` integer NOT NULL,
	`channel_types` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shifts_account` ON `shifts` (`account_id`);--> statement-breakpoint
CREATE INDEX `shifts_agent` ON `shifts` (`agent_id`);--> statement-breakpoint
CREATE TABLE `call_flow_versions` (
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`document` text NOT NULL,
	`valid` integer NOT NULL,
	`errors` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`flow_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `call_flows` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`active_version` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `call_flows_account` ON `call_flows` (`account_id`);