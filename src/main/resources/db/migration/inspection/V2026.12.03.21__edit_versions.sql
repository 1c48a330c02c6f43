-- Optimistic locking (shared.Versioned) for the inspection forms that change an existing row: a checklist item's
-- wording, a rectification order's second look.
ALTER TABLE checklist_item ADD COLUMN version INT NOT NULL DEFAULT 0;
COMMENT ON COLUMN checklist_item.version IS '乐观锁版本';
ALTER TABLE rectification_order ADD COLUMN version INT NOT NULL DEFAULT 0;
COMMENT ON COLUMN rectification_order.version IS '乐观锁版本';
