-- Backups (issue 17 "Nothing lost"): the nightly backup's settings, set by the system administrator, and every
-- backup made or attempted.
CREATE TABLE backup_settings (
    id         SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    enabled    BOOLEAN     NOT NULL DEFAULT false,
    run_at     TIME        NOT NULL DEFAULT '03:00',
    retention  INT         NOT NULL DEFAULT 7 CHECK (retention BETWEEN 1 AND 365),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE backup_settings IS '每日自动备份设置（仅一行）：是否开启、每天几点、保留最近几份';
COMMENT ON COLUMN backup_settings.run_at IS '每天开始备份的时间（北京时间）';
COMMENT ON COLUMN backup_settings.retention IS '保留最近的成功备份份数，更早的备份文件夹被删除';
INSERT INTO backup_settings DEFAULT VALUES;

CREATE TABLE backup_run (
    id           BIGSERIAL     PRIMARY KEY,
    kind         VARCHAR(16)   NOT NULL CHECK (kind IN ('SCHEDULED', 'MANUAL')),
    requested_by VARCHAR(64)   NOT NULL,
    started_at   TIMESTAMPTZ   NOT NULL,
    finished_at  TIMESTAMPTZ,
    result       VARCHAR(16)   NOT NULL CHECK (result IN ('RUNNING', 'SUCCESS', 'FAILURE', 'SKIPPED')),
    folder       VARCHAR(1000),
    size_bytes   BIGINT,
    checksum     VARCHAR(64),
    message      VARCHAR(2000),
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX backup_run_started_ix ON backup_run (started_at DESC);
COMMENT ON TABLE backup_run IS '备份记录：每次自动或手动备份的时间、结果、文件夹、大小与校验和；按保留份数删除的备份记下删除时间';
COMMENT ON COLUMN backup_run.folder IS '备份文件夹的绝对路径（含 database.dump、wageguard.keys、SHA256SUMS）';
COMMENT ON COLUMN backup_run.checksum IS 'database.dump 的 SHA-256';

INSERT INTO permission (code, name, module) VALUES ('backup:backup:manage', '数据备份（设置、立即备份）', 'backup');
INSERT INTO role_permission (role_code, permission_code) VALUES ('SYSTEM_ADMIN', 'backup:backup:manage');
