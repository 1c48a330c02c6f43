-- Issue 15, documents: the papers a real case file holds after the order to pay, each recorded with what it needs.
-- 不予受理告知书: the ground of a refused complaint (《关于实施〈劳动保障监察条例〉若干规定》第十八条; the two-year limit of
-- 《劳动保障监察条例》第二十条, counted from the end of a continuing violation; matters for arbitration or a court,
-- 第二十一条第二款) and where the complainant is to go.
ALTER TABLE case_file
    ADD COLUMN refusal_ground     VARCHAR(24) CHECK (refusal_ground IN ('TIME_BARRED', 'LABOR_DISPUTE', 'NOT_COMPETENT', 'OTHER_AUTHORITY')),
    ADD COLUMN refusal_refer_to   VARCHAR(200),
    ADD COLUMN violation_ended_on DATE;
COMMENT ON COLUMN case_file.refusal_ground IS '不予受理的依据：超过两年（《劳动保障监察条例》第二十条）、劳动争议（第二十一条第二款）、不属监察职权、不属本部门管辖';
COMMENT ON COLUMN case_file.refusal_refer_to IS '告知投诉人去向：仲裁委员会、人民法院或有管辖权的部门';
COMMENT ON COLUMN case_file.violation_ended_on IS '违法行为终了之日（拖欠工资未付清的为继续状态，不终了）；以超过两年不予受理时必填';

-- 行政处理决定书 (责令支付), 行政处罚事先告知书 and 行政处罚决定书: one of each per case, numbered when recorded.
CREATE TABLE case_decision (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT         NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    kind        VARCHAR(16)    NOT NULL CHECK (kind IN ('DECISION', 'PENALTY_NOTICE', 'PENALTY')),
    number      VARCHAR(64)    NOT NULL,
    decided_on  DATE           NOT NULL,
    deadline    DATE,
    basis       VARCHAR(16)    CHECK (basis IN ('LSSR_30_3', 'REGS_54', 'REGS_55', 'REGS_57')),
    fine        NUMERIC(16, 2) CHECK (fine > 0),
    facts       VARCHAR(1000)  NOT NULL,
    recorded_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    recorded_by VARCHAR(64)    NOT NULL,
    UNIQUE (case_id, kind),
    CHECK (kind = 'DECISION' AND deadline IS NOT NULL OR kind <> 'DECISION' AND basis IS NOT NULL AND fine IS NOT NULL)
);
COMMENT ON TABLE case_decision IS '行政处理决定书（责令支付，含履行期限）、行政处罚事先告知书与行政处罚决定书（处罚依据、罚款金额）';
COMMENT ON COLUMN case_decision.basis IS '处罚依据：LSSR_30_3《劳动保障监察条例》第三十条第一款第（三）项；REGS_54/55/57《保障农民工工资支付条例》第五十四、五十五、五十七条';

-- 送达回证: how and when each document reached its recipient (direct, left at the premises, post, entrusted, electronic,
-- public notice), the proof the court asks for before it enforces.
CREATE TABLE case_service (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    document_kind   VARCHAR(16)  NOT NULL CHECK (document_kind IN ('ORDER', 'REFUSAL', 'DECISION', 'PENALTY_NOTICE', 'PENALTY')),
    document_number VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(200) NOT NULL,
    manner          VARCHAR(16)  NOT NULL CHECK (manner IN ('DIRECT', 'LEFT', 'POST', 'ENTRUSTED', 'ELECTRONIC', 'PUBLIC_NOTICE')),
    place           VARCHAR(200),
    served_on       DATE         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by     VARCHAR(64)  NOT NULL
);
CREATE INDEX case_service_case_ix ON case_service (case_id, document_kind);
COMMENT ON TABLE case_service IS '文书送达记录（送达回证）：文书名称及文号、受送达人、送达方式、地点、日期';
