-- Issue 15, documents: every document a case produces is numbered per year and per document kind, in the region's own
-- prefix (文书简称, e.g. 沅 for 沅江市), never by the database id; case numbers take the same prefix.
CREATE TABLE case_region_setting (
    region_code     VARCHAR(12) PRIMARY KEY REFERENCES region (code),
    document_prefix VARCHAR(8)  NOT NULL CHECK (length(trim(document_prefix)) > 0),
    version         INT         NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by      VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE case_region_setting IS '区划的案件文书设置：文书编号与案件编号所用的机关简称（如“沅”）；未设置的取县级区划名称的首字';

INSERT INTO case_region_setting (region_code, document_prefix)
SELECT code, '沅' FROM region WHERE code = '430981';

CREATE TABLE case_document (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT      NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    kind       VARCHAR(24) NOT NULL,
    subject_id BIGINT      NOT NULL DEFAULT 0,
    prefix     VARCHAR(8)  NOT NULL,
    year       INT         NOT NULL,
    seq        INT         NOT NULL,
    number     VARCHAR(64) NOT NULL,
    issued_on  DATE        NOT NULL,
    issued_by  VARCHAR(64) NOT NULL,
    UNIQUE (case_id, kind, subject_id),
    UNIQUE (prefix, kind, year, seq)
);
CREATE INDEX case_document_case_ix ON case_document (case_id);
COMMENT ON TABLE case_document IS '案件文书编号登记：按机关简称、文书种类、年度顺序编号；同一文书重印不换号';
COMMENT ON COLUMN case_document.subject_id IS '文书所涉的具体事项（如某次交办的编号）；整案文书为 0';
