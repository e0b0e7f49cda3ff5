ALTER TABLE `match_params` ADD `matcher` text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
UPDATE `match_params` SET `matcher` = CASE WHEN `use_rates` = 1 THEN 'rates' WHEN `applied` = 1 THEN 'estimate' ELSE 'auto' END;
