-- Photos that come with a clue (a grid worker's report, a portal submission), and the grid worker's permission to
-- report a clue into intake.

CREATE TABLE case_photo (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT       NOT NULL REFERENCES case_file (id),
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(32)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes   INT          NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
    content      BYTEA        NOT NULL,
    source       VARCHAR(16)  NOT NULL CHECK (source IN ('GRID', 'PORTAL')),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by   VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by   VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE INDEX case_photo_case_ix ON case_photo (case_id);
COMMENT ON TABLE case_photo IS '线索照片（网格员报送、劳动者门户提交时附带；按内容校验为 JPEG/PNG，每张不超过 5 MB）';
COMMENT ON COLUMN case_photo.case_id IS '所属案件';
COMMENT ON COLUMN case_photo.file_name IS '原文件名';
COMMENT ON COLUMN case_photo.content_type IS '按文件内容识别的类型：image/jpeg 或 image/png';
COMMENT ON COLUMN case_photo.size_bytes IS '文件大小（字节）';
COMMENT ON COLUMN case_photo.content IS '照片内容';
COMMENT ON COLUMN case_photo.source IS '来源：网格员报送/劳动者门户';
COMMENT ON COLUMN case_photo.created_at IS '创建时间';
COMMENT ON COLUMN case_photo.created_by IS '创建人';
COMMENT ON COLUMN case_photo.updated_at IS '修改时间';
COMMENT ON COLUMN case_photo.updated_by IS '修改人';

INSERT INTO permission (code, name, module) VALUES
  ('casework:grid:report', '网格员报送欠薪线索', 'casework');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('GRID_WORKER', 'casework:grid:report');
