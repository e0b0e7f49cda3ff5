ALTER TABLE `call_matches` ADD `delay_ms` integer;--> statement-breakpoint
ALTER TABLE `match_params` ADD `rates` text;--> statement-breakpoint
ALTER TABLE `match_params` ADD `rates_calls_used` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `match_params` ADD `rates_estimated_at` integer;--> statement-breakpoint
ALTER TABLE `match_params` ADD `use_rates` integer DEFAULT false NOT NULL;