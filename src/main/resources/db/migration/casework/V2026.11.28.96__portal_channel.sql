-- The workers' own portal (劳动者服务网站) becomes a channel of its own, so that the national clue platform's figures
-- (全国根治欠薪线索反映平台) count only the platform's clues (the portal module moves its earlier submissions over).
ALTER TABLE case_file DROP CONSTRAINT case_file_channel_check;
ALTER TABLE case_file ADD CONSTRAINT case_file_channel_check
    CHECK (channel IN ('WALK_IN', 'HOTLINE', 'PLATFORM', 'PORTAL', 'LETTER_VISIT', 'GRID', 'INSPECTION', 'ALERT'));
ALTER TABLE case_clock DROP CONSTRAINT case_clock_channel_check;
ALTER TABLE case_clock ADD CONSTRAINT case_clock_channel_check
    CHECK (channel IN ('WALK_IN', 'HOTLINE', 'PLATFORM', 'PORTAL', 'LETTER_VISIT', 'GRID', 'INSPECTION', 'ALERT'));
INSERT INTO case_clock (channel, accept_days, first_contact_days, coordination_days) VALUES ('PORTAL', 5, 2, 15);
COMMENT ON COLUMN case_file.channel IS '来源渠道：一厅式接访、热线、线索反映平台、劳动者服务网站、信访、网格、检查发现、预警转办';
