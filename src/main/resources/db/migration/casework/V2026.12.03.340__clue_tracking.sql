-- Issue 15, clue tracking (the seed's "对各欠薪线索进行再核查和持续跟踪"; "接受劳动者咨询800余次"):
-- follow-up visits (回访) with date, officer, manner and whether the worker is satisfied; re-verification (再核查) of a
-- handled clue that the national platform or the complainant disputes; and the consultation log (咨询登记) of
-- phone and walk-in questions that are not complaints.
CREATE TABLE case_follow_up (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    visited_on   DATE          NOT NULL,
    visited_by   VARCHAR(64)   NOT NULL,
    manner       VARCHAR(16)   NOT NULL CHECK (manner IN ('PHONE', 'VISIT', 'WALK_IN', 'MESSAGE')),
    satisfied    BOOLEAN       NOT NULL,
    note         VARCHAR(1000) NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX case_follow_up_case_ix ON case_follow_up (case_id, visited_on);
COMMENT ON TABLE case_follow_up IS '案件回访记录：回访日期、回访人、方式、劳动者是否满意及情况';
COMMENT ON COLUMN case_follow_up.manner IS '回访方式：PHONE 电话，VISIT 上门走访，WALK_IN 来访面谈，MESSAGE 短信或微信';

CREATE TABLE case_recheck (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    requested_by VARCHAR(16)   NOT NULL CHECK (requested_by IN ('PLATFORM', 'COMPLAINANT', 'OFFICE')),
    reason       VARCHAR(1000) NOT NULL,
    checked_on   DATE          NOT NULL,
    checked_by   VARCHAR(64)   NOT NULL,
    result       VARCHAR(16)   NOT NULL CHECK (result IN ('CONFIRMED', 'ARREARS_REMAIN')),
    note         VARCHAR(1000) NOT NULL,
    status_before VARCHAR(20)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX case_recheck_case_ix ON case_recheck (case_id, checked_on);
COMMENT ON TABLE case_recheck IS '线索再核查：平台退回或反映人有异议时对已处理线索的再次核查（谁、何时、结论）';
COMMENT ON COLUMN case_recheck.result IS '结论：CONFIRMED 原处理属实，ARREARS_REMAIN 仍有欠薪（恢复跟踪）';

CREATE TABLE consultation (
    id            BIGSERIAL PRIMARY KEY,
    region_code   VARCHAR(12)   NOT NULL REFERENCES region (code),
    channel       VARCHAR(16)   NOT NULL CHECK (channel IN ('HOTLINE', 'WALK_IN')),
    consulted_on  DATE          NOT NULL,
    person        VARCHAR(64),
    phone         VARCHAR(200),
    topic         VARCHAR(16)   NOT NULL CHECK (topic IN ('WAGE_ARREARS', 'WAGE_STANDARD', 'CONTRACT', 'SOCIAL_INSURANCE', 'PROCEDURE', 'OTHER')),
    question      VARCHAR(1000) NOT NULL,
    answer        VARCHAR(1000) NOT NULL,
    employer_name VARCHAR(128),
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX consultation_region_ix ON consultation (region_code, consulted_on);
COMMENT ON TABLE consultation IS '咨询登记：劳动者来电、来访咨询（不构成投诉举报，不立案），单独计数';
COMMENT ON COLUMN consultation.phone IS '咨询人手机号（密文）';

INSERT INTO permission (code, name, module) VALUES
  ('casework:consultation:record', '登记劳动者咨询',           'casework'),
  ('casework:prefix:edit',         '设置区划的文书简称（编号前缀）', 'casework');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'casework:consultation:record'), ('LABOR_INSPECTOR', 'casework:consultation:record'),
  ('LEADERSHIP_OFFICE', 'casework:prefix:edit');
