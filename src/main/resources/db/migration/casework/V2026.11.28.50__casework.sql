-- Cases (案件) from every intake channel, their claimants, timeline, assignments to departments, orders to pay,
-- and the working-day calendar (public holidays and make-up working days) that every legal clock counts on.

CREATE TABLE work_calendar (
    day        DATE PRIMARY KEY,
    kind       VARCHAR(8)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name       VARCHAR(32) NOT NULL,
    created_by VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE work_calendar IS '工作日历：法定节假日（HOLIDAY）与调休上班日（WORKDAY）；其余按周一至周五为工作日';

-- 2021 and 2026 as published by the State Council's General Office (国办发明电).
INSERT INTO work_calendar (day, kind, name) VALUES
 ('2021-01-01','HOLIDAY','元旦'),('2021-01-02','HOLIDAY','元旦'),('2021-01-03','HOLIDAY','元旦'),
 ('2021-02-07','WORKDAY','春节调休'),
 ('2021-02-11','HOLIDAY','春节'),('2021-02-12','HOLIDAY','春节'),('2021-02-13','HOLIDAY','春节'),('2021-02-14','HOLIDAY','春节'),
 ('2021-02-15','HOLIDAY','春节'),('2021-02-16','HOLIDAY','春节'),('2021-02-17','HOLIDAY','春节'),
 ('2021-02-20','WORKDAY','春节调休'),
 ('2021-04-03','HOLIDAY','清明节'),('2021-04-04','HOLIDAY','清明节'),('2021-04-05','HOLIDAY','清明节'),
 ('2021-04-25','WORKDAY','劳动节调休'),
 ('2021-05-01','HOLIDAY','劳动节'),('2021-05-02','HOLIDAY','劳动节'),('2021-05-03','HOLIDAY','劳动节'),('2021-05-04','HOLIDAY','劳动节'),('2021-05-05','HOLIDAY','劳动节'),
 ('2021-05-08','WORKDAY','劳动节调休'),
 ('2021-06-12','HOLIDAY','端午节'),('2021-06-13','HOLIDAY','端午节'),('2021-06-14','HOLIDAY','端午节'),
 ('2021-09-18','WORKDAY','中秋节调休'),
 ('2021-09-19','HOLIDAY','中秋节'),('2021-09-20','HOLIDAY','中秋节'),('2021-09-21','HOLIDAY','中秋节'),
 ('2021-09-26','WORKDAY','国庆节调休'),
 ('2021-10-01','HOLIDAY','国庆节'),('2021-10-02','HOLIDAY','国庆节'),('2021-10-03','HOLIDAY','国庆节'),('2021-10-04','HOLIDAY','国庆节'),
 ('2021-10-05','HOLIDAY','国庆节'),('2021-10-06','HOLIDAY','国庆节'),('2021-10-07','HOLIDAY','国庆节'),
 ('2021-10-09','WORKDAY','国庆节调休'),
 ('2026-01-01','HOLIDAY','元旦'),('2026-01-02','HOLIDAY','元旦'),('2026-01-03','HOLIDAY','元旦'),
 ('2026-01-04','WORKDAY','元旦调休'),
 ('2026-02-14','WORKDAY','春节调休'),
 ('2026-02-15','HOLIDAY','春节'),('2026-02-16','HOLIDAY','春节'),('2026-02-17','HOLIDAY','春节'),('2026-02-18','HOLIDAY','春节'),
 ('2026-02-19','HOLIDAY','春节'),('2026-02-20','HOLIDAY','春节'),('2026-02-21','HOLIDAY','春节'),('2026-02-22','HOLIDAY','春节'),
 ('2026-02-23','HOLIDAY','春节'),
 ('2026-02-28','WORKDAY','春节调休'),
 ('2026-04-04','HOLIDAY','清明节'),('2026-04-05','HOLIDAY','清明节'),('2026-04-06','HOLIDAY','清明节'),
 ('2026-05-01','HOLIDAY','劳动节'),('2026-05-02','HOLIDAY','劳动节'),('2026-05-03','HOLIDAY','劳动节'),('2026-05-04','HOLIDAY','劳动节'),('2026-05-05','HOLIDAY','劳动节'),
 ('2026-05-09','WORKDAY','劳动节调休'),
 ('2026-06-19','HOLIDAY','端午节'),('2026-06-20','HOLIDAY','端午节'),('2026-06-21','HOLIDAY','端午节'),
 ('2026-09-20','WORKDAY','国庆节调休'),
 ('2026-09-25','HOLIDAY','中秋节'),('2026-09-26','HOLIDAY','中秋节'),('2026-09-27','HOLIDAY','中秋节'),
 ('2026-10-01','HOLIDAY','国庆节'),('2026-10-02','HOLIDAY','国庆节'),('2026-10-03','HOLIDAY','国庆节'),('2026-10-04','HOLIDAY','国庆节'),
 ('2026-10-05','HOLIDAY','国庆节'),('2026-10-06','HOLIDAY','国庆节'),('2026-10-07','HOLIDAY','国庆节'),
 ('2026-10-10','WORKDAY','国庆节调休');

CREATE TABLE case_file (
    id                 BIGSERIAL PRIMARY KEY,
    number             VARCHAR(32)  NOT NULL UNIQUE,
    channel            VARCHAR(16)  NOT NULL CHECK (channel IN ('WALK_IN', 'HOTLINE', 'PLATFORM', 'LETTER_VISIT', 'GRID', 'INSPECTION', 'ALERT')),
    kind               VARCHAR(12)  NOT NULL CHECK (kind IN ('COMPLAINT', 'REPORT')),
    status             VARCHAR(20)  NOT NULL,
    complainant_name   VARCHAR(64),
    complainant_phone  VARCHAR(200),
    anonymous          BOOLEAN      NOT NULL DEFAULT FALSE,
    employer_id        BIGINT REFERENCES employer (id),
    employer_name      VARCHAR(200) NOT NULL,
    project_id         BIGINT REFERENCES project (id),
    liable_employer_id BIGINT REFERENCES employer (id),
    industry_code      VARCHAR(4) REFERENCES industry_sector (code),
    region_code        VARCHAR(12)  NOT NULL REFERENCES region (code),
    department_id      BIGINT REFERENCES department (id),
    period_from        DATE,
    period_to          DATE,
    amount_claimed     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    amount_recovered   NUMERIC(16, 2) NOT NULL DEFAULT 0,
    workers            INT          NOT NULL DEFAULT 0,
    group_case         BOOLEAN      NOT NULL DEFAULT FALSE,
    spring_festival    BOOLEAN      NOT NULL DEFAULT FALSE,
    malicious          BOOLEAN      NOT NULL DEFAULT FALSE,
    description        VARCHAR(2000),
    refusal_reason     VARCHAR(400),
    outcome            VARCHAR(32),
    outcome_note       VARCHAR(1000),
    inspectors         VARCHAR(200),
    linked_case_id     BIGINT REFERENCES case_file (id),
    registered_on      DATE         NOT NULL,
    accept_due         DATE         NOT NULL,
    accepted_on        DATE,
    filed_on           DATE,
    handling_due       DATE,
    extended           BOOLEAN      NOT NULL DEFAULT FALSE,
    closed_on          DATE,
    version            INT          NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by         VARCHAR(64)  NOT NULL DEFAULT 'system',
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by         VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE INDEX case_file_status_ix ON case_file (status);
CREATE INDEX case_file_employer_ix ON case_file (employer_id);
CREATE INDEX case_file_project_ix ON case_file (project_id);
COMMENT ON TABLE case_file IS '欠薪案件（投诉、举报经受理后的案件及其办理全过程）';
COMMENT ON COLUMN case_file.channel IS '来源渠道：一厅式接访/热线/线索平台/信访/网格/检查发现/预警';
COMMENT ON COLUMN case_file.kind IS '投诉（具名）或举报（可匿名，举报人信息保密）';
COMMENT ON COLUMN case_file.complainant_phone IS '投诉人手机号（密文）';
COMMENT ON COLUMN case_file.liable_employer_id IS '依法应承担清偿责任的单位（如总包先行清偿）';
COMMENT ON COLUMN case_file.amount_claimed IS '主张金额（元）';
COMMENT ON COLUMN case_file.amount_recovered IS '追回金额（元）';
COMMENT ON COLUMN case_file.accept_due IS '受理期限（登记后5个工作日）';
COMMENT ON COLUMN case_file.handling_due IS '办结期限（立案后60个工作日，可延长30个工作日一次；协调处理按配置）';
COMMENT ON COLUMN case_file.inspectors IS '办案监察员（立案调查不少于两人）';

CREATE TABLE case_claimant (
    id             BIGSERIAL PRIMARY KEY,
    case_id        BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    name           VARCHAR(64)  NOT NULL,
    id_number      VARCHAR(200),
    id_number_hash VARCHAR(64),
    id_verified    BOOLEAN      NOT NULL DEFAULT FALSE,
    amount_claimed NUMERIC(16, 2) NOT NULL DEFAULT 0,
    amount_paid    NUMERIC(16, 2) NOT NULL DEFAULT 0,
    paid_on        DATE,
    payment_evidence VARCHAR(200)
);
COMMENT ON TABLE case_claimant IS '案件所涉农民工及其主张与实际到手金额';
COMMENT ON COLUMN case_claimant.amount_paid IS '经核实已发放到本人的金额（元）';

CREATE TABLE case_event (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    on_day      DATE         NOT NULL,
    by_username VARCHAR(64)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    status_from VARCHAR(20),
    status_to   VARCHAR(20),
    note        VARCHAR(2000)
);
CREATE INDEX case_event_case_ix ON case_event (case_id, at);
COMMENT ON TABLE case_event IS '案件办理记录（每一次状态变更与处理动作）';

CREATE TABLE case_assignment (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    department_id BIGINT       NOT NULL REFERENCES department (id),
    assigned_on   DATE         NOT NULL,
    due_on        DATE         NOT NULL,
    assigned_by   VARCHAR(64)  NOT NULL,
    status        VARCHAR(12)  NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'REWORK', 'ACCEPTED')),
    feedback      VARCHAR(2000),
    answered_on   DATE,
    supervised    BOOLEAN      NOT NULL DEFAULT FALSE
);
COMMENT ON TABLE case_assignment IS '交办：交给责任部门并限期反馈；逾期督办；治欠办可退回重办';

CREATE TABLE payment_order (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    number     VARCHAR(64)  NOT NULL,
    served_on  DATE         NOT NULL,
    deadline   DATE         NOT NULL,
    amount     NUMERIC(16, 2) NOT NULL
);
COMMENT ON TABLE payment_order IS '劳动保障监察限期改正指令书（责令限期支付）';

INSERT INTO permission (code, name, module) VALUES
  ('casework:case:view',     '查看案件',             'casework'),
  ('casework:case:register', '登记投诉举报',         'casework'),
  ('casework:case:accept',   '受理或不予受理',       'casework'),
  ('casework:case:file',     '立案（局长批准）',     'casework'),
  ('casework:case:handle',   '办理案件、记录处理',   'casework'),
  ('casework:case:assign',   '交办',                 'casework'),
  ('casework:case:answer',   '反馈交办事项',         'casework'),
  ('casework:case:rework',   '退回重办',             'casework'),
  ('casework:case:order',    '下达限期改正指令书',   'casework'),
  ('casework:case:refer',    '移送公安、申请法院强制执行', 'casework'),
  ('casework:case:close',    '核实发放并结案',       'casework');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'casework:case:view'), ('LEADERSHIP_OFFICE', 'casework:case:register'),
  ('LEADERSHIP_OFFICE', 'casework:case:assign'), ('LEADERSHIP_OFFICE', 'casework:case:rework'),
  ('LABOR_INSPECTOR', 'casework:case:view'), ('LABOR_INSPECTOR', 'casework:case:register'),
  ('LABOR_INSPECTOR', 'casework:case:accept'), ('LABOR_INSPECTOR', 'casework:case:file'),
  ('LABOR_INSPECTOR', 'casework:case:handle'), ('LABOR_INSPECTOR', 'casework:case:assign'),
  ('LABOR_INSPECTOR', 'casework:case:order'), ('LABOR_INSPECTOR', 'casework:case:refer'),
  ('LABOR_INSPECTOR', 'casework:case:close'),
  ('INDUSTRY_OFFICER', 'casework:case:view'), ('INDUSTRY_OFFICER', 'casework:case:register'),
  ('INDUSTRY_OFFICER', 'casework:case:answer');
