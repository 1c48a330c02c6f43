-- Imports that take longer than a second run as jobs (issue 19): the page and the API poll them. A job's own rows are
-- written outside the import's transaction; a job left RUNNING by a stopped server is marked FAILED at start-up (its
-- import's transaction rolled back with the server, so nothing of it was applied).
CREATE TABLE import_job (
    id            BIGSERIAL PRIMARY KEY,
    kind          VARCHAR(32)   NOT NULL,
    file_name     VARCHAR(200),
    owner         VARCHAR(64)   NOT NULL,
    state         VARCHAR(16)   NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    phase         VARCHAR(16)   NOT NULL,
    rows_read     BIGINT        NOT NULL DEFAULT 0,
    rows_checked  BIGINT        NOT NULL DEFAULT 0,
    rows_applied  BIGINT        NOT NULL DEFAULT 0,
    status_code   INT,
    result        TEXT,
    message       VARCHAR(2000),
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ
);
CREATE INDEX import_job_owner_ix ON import_job (owner, created_at DESC);
CREATE INDEX import_job_running_ix ON import_job (state) WHERE state = 'RUNNING';
COMMENT ON TABLE import_job IS '数据导入任务：耗时超过一秒的导入在后台运行，页面和接口据此显示进度与结果';
COMMENT ON COLUMN import_job.kind IS '文件类型（attendance/payroll/disbursements 等）';
COMMENT ON COLUMN import_job.owner IS '发起导入的用户名（只有本人可查看）';
COMMENT ON COLUMN import_job.state IS '状态：运行中/已完成/失败';
COMMENT ON COLUMN import_job.phase IS '阶段：读取/校验/写入/对账/完成/失败';
COMMENT ON COLUMN import_job.rows_read IS '已读取并逐行校验的行数';
COMMENT ON COLUMN import_job.rows_checked IS '通过全部校验的行数';
COMMENT ON COLUMN import_job.rows_applied IS '已写入的行数';
COMMENT ON COLUMN import_job.status_code IS '结果对应的 HTTP 状态（200 已导入，422 有错误未导入，400 无法读取，409 并发冲突）';
COMMENT ON COLUMN import_job.result IS '结果（JSON，与接口的应答相同）';
COMMENT ON COLUMN import_job.message IS '结果说明（中文）';
