-- Issue 15: the hearing right for a large fine (较大数额罚款, 《行政处罚法》第六十三条第一款第（一）项) has no national amount:
-- each province (or the State Council department for its own branch) sets it. A region's setting applies to its whole
-- subtree, the nearest one wins; a region without one takes wageguard.casework.hearing-fine-threshold (default 10,000
-- yuan, an assumption low enough that a hearing is offered rather than missed).
CREATE TABLE case_hearing_threshold (
    region_code       VARCHAR(12)    PRIMARY KEY,
    organisation_fine NUMERIC(16, 2) NOT NULL CHECK (organisation_fine > 0),
    source            VARCHAR(300)   NOT NULL CHECK (length(trim(source)) > 0),
    version           INT            NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by        VARCHAR(64)    NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE case_hearing_threshold IS '听证告知的较大数额罚款标准（对法人或者其他组织）：由省级规定（《行政处罚法》第六十三条第一款第（一）项）；下级区划沿用最近的上级设置';
COMMENT ON COLUMN case_hearing_threshold.source IS '标准的出处（文件名称、文号），在案件页面上引用';

-- Hunan: the provincial government's standard as found in its rules on administrative enforcement (对公民处以1000元以上
-- 罚款、对法人或者其他组织处以2万元以上罚款 … 应当告知当事人有听证的权利). The document number is to be confirmed
-- by the province's legal office (docs/case-documents.md).
INSERT INTO case_hearing_threshold (region_code, organisation_fine, source) VALUES
  ('430000', 20000, '湖南省人民政府关于规范行政处罚的规定：对法人或者其他组织处以2万元以上罚款的，应当告知当事人有要求听证的权利（文号待核）');
