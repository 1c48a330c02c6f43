-- In-system notices to a department (督办 of an overdue case, a clue ledger to answer): every officer of the
-- department sees them until one of them marks them read.
CREATE TABLE notification (
    id            BIGSERIAL PRIMARY KEY,
    department_id BIGINT       NOT NULL REFERENCES department (id),
    kind          VARCHAR(32)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    body          VARCHAR(2000),
    link          VARCHAR(300),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by    VARCHAR(64)  NOT NULL DEFAULT 'system',
    read_at       TIMESTAMPTZ,
    read_by       VARCHAR(64)
);
CREATE INDEX notification_department_ix ON notification (department_id, read_at);
COMMENT ON TABLE notification IS '系统内通知（督办通知、台账下发等），发给部门，部门内任一人员阅读后标记已读';
COMMENT ON COLUMN notification.kind IS '通知类别：督办/台账/预警等';
COMMENT ON COLUMN notification.link IS '站内链接（如案件页）';
COMMENT ON COLUMN notification.read_by IS '标记已读的人员用户名';
