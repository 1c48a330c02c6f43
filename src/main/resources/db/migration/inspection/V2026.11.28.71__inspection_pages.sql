-- Campaign pages, the on-site form, template editing, the printed notice and escalation (issue 8, second increment).

ALTER TABLE checklist_template
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by VARCHAR(64) NOT NULL DEFAULT 'system',
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(64) NOT NULL DEFAULT 'system';
COMMENT ON COLUMN checklist_template.name IS '模板名称';
COMMENT ON COLUMN checklist_template.enabled IS '是否启用';

ALTER TABLE checklist_item
    ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by VARCHAR(64) NOT NULL DEFAULT 'system',
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN updated_by VARCHAR(64) NOT NULL DEFAULT 'system';
COMMENT ON COLUMN checklist_item.enabled IS '是否启用（停用的事项不再出现在新的检查中，已有回答保留）';
COMMENT ON COLUMN checklist_item.sort_order IS '排序';
COMMENT ON COLUMN checklist_item.code IS '事项代码';

ALTER TABLE inspection_campaign
    ADD COLUMN updated_at TIMESTAMPTZ,
    ADD COLUMN updated_by VARCHAR(64);
COMMENT ON COLUMN inspection_campaign.name IS '行动名称';
COMMENT ON COLUMN inspection_campaign.period_from IS '开始日期';
COMMENT ON COLUMN inspection_campaign.period_to IS '结束日期';

ALTER TABLE inspection
    ADD COLUMN updated_at TIMESTAMPTZ,
    ADD COLUMN updated_by VARCHAR(64);
COMMENT ON COLUMN inspection.inspected_on IS '检查日期';
COMMENT ON COLUMN inspection.note IS '检查情况说明';

ALTER TABLE inspection_photo
    ADD COLUMN size_bytes INT NOT NULL DEFAULT 0,
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by VARCHAR(64) NOT NULL DEFAULT 'system';
COMMENT ON COLUMN inspection_photo.content_type IS '按内容识别的类型（仅 JPEG、PNG）';
COMMENT ON COLUMN inspection_photo.size_bytes IS '大小（字节，不超过10MB）';

ALTER TABLE rectification_order
    ADD COLUMN overdue_notified_on DATE,
    ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN created_by VARCHAR(64) NOT NULL DEFAULT 'system',
    ADD COLUMN updated_at TIMESTAMPTZ,
    ADD COLUMN updated_by VARCHAR(64);
COMMENT ON COLUMN rectification_order.overdue_notified_on IS '逾期未整改升级提醒（治欠办、牵头部门）的日期';
COMMENT ON COLUMN rectification_order.number IS '整改通知书文号';
COMMENT ON COLUMN rectification_order.deadline IS '整改期限';
COMMENT ON COLUMN rectification_order.responsible_party IS '责任单位';
