ALTER TABLE `match_params` DROP COLUMN `applied`;--> statement-breakpoint
ALTER TABLE `match_params` DROP COLUMN `use_rates`;