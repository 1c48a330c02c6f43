-- The party liable by law where it differs from the respondent, and the responsible persons of a case with their
-- referral status (移送、立案、刑拘、逮捕、起诉、判决).
ALTER TABLE case_file ADD COLUMN liable_basis VARCHAR(16)
    CHECK (liable_basis IN ('ART29', 'ART30', 'ART31', 'ART36'));
COMMENT ON COLUMN case_file.liable_basis IS '清偿责任依据（《保障农民工工资支付条例》）：第29条建设单位未拨付人工费/第30条总包先行清偿/第31条工程款未到位/第36条违法发包分包转包';

CREATE TABLE case_person (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    role            VARCHAR(24)  NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'ACTUAL_CONTROLLER', 'LABOR_CONTRACTOR', 'OTHER')),
    name            VARCHAR(64)  NOT NULL,
    id_number       VARCHAR(200),
    id_number_hash  VARCHAR(64),
    referral_status VARCHAR(16)  NOT NULL DEFAULT 'NONE'
        CHECK (referral_status IN ('NONE', 'REFERRED', 'FILED', 'DETAINED', 'ARRESTED', 'PROSECUTED', 'CONVICTED', 'NOT_FILED')),
    status_on       DATE,
    note            VARCHAR(400)
);
CREATE INDEX case_person_case_ix ON case_person (case_id);
COMMENT ON TABLE case_person IS '案件责任人员：法定代表人、实际控制人、包工头等，及其移送公安后的处理状态';
COMMENT ON COLUMN case_person.id_number IS '身份证号（密文）';
COMMENT ON COLUMN case_person.referral_status IS '移送状态：未移送/已移送/公安立案/刑事拘留/逮捕/提起公诉/判决/不予立案';
