CREATE TABLE `campaign_audience` (
	`event_id` text NOT NULL,
	`seq` integer NOT NULL,
	`account_id` text NOT NULL,
	`customer_key` text NOT NULL,
	`phone` text,
	`email` text,
	`reasons` text NOT NULL,
	`email_google` text,
	`phone_google` text,
	`email_meta` text,
	`phone_meta` text,
	`processed_at` integer,
	PRIMARY KEY(`event_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `campaign_audience_phone` ON `campaign_audience` (`account_id`,`phone`);--> statement-breakpoint
CREATE TABLE `campaign_events` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`area` text NOT NULL,
	`filters` text NOT NULL,
	`actions` text NOT NULL,
	`sms` text,
	`status` text NOT NULL,
	`total` integer,
	`processed` integer DEFAULT 0 NOT NULL,
	`batches` integer DEFAULT 0 NOT NULL,
	`batch_size` integer NOT NULL,
	`matched_by` text,
	`notes` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `campaign_events_account` ON `campaign_events` (`account_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`key` text NOT NULL,
	`phone` text,
	`email` text,
	`country` text,
	`region` text,
	`postal_code` text,
	`lat` real,
	`lon` real,
	`attributes` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_account_key` ON `customers` (`account_id`,`key`);--> statement-breakpoint
CREATE TABLE `intel_models` (
	`account_id` text NOT NULL,
	`model` text NOT NULL,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `model`)
);
--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`channel` text NOT NULL,
	`customer_phone` text,
	`customer_email` text,
	`text` text NOT NULL,
	`metadata` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`call_id` text,
	`result` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interactions_account_occurred` ON `interactions` (`account_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `interactions_account_phone` ON `interactions` (`account_id`,`customer_phone`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_account_email` ON `interactions` (`account_id`,`customer_email`,`occurred_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_account_call` ON `interactions` (`account_id`,`call_id`);--> statement-breakpoint
CREATE TABLE `response_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subject` text NOT NULL,
	`medium` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_templates_subject_medium` ON `response_templates` (`account_id`,`subject`,`medium`);--> statement-breakpoint
CREATE TABLE `subject_examples` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`text` text NOT NULL,
	`subject` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subject_examples_account` ON `subject_examples` (`account_id`,`id`);--> statement-breakpoint
CREATE TABLE `subject_specialists` (
	`account_id` text NOT NULL,
	`subject` text NOT NULL,
	`agent_ids` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `subject`)
);
