-- Issue 21, the town labor-security stations (乡镇/街道劳动保障所): the "network" half of the seed's 两网化. A grid
-- worker's clue in a town that has a station lands in the station's queue first (station_matter); the station
-- mediates on the spot (《劳动争议调解仲裁法》第十条: the town's mediation organisation; 第十四条: the written agreement,
-- fifteen days to reach it), records what was paid, and settles the matter (结案 at station level) when the agreed
-- amount is paid; what it cannot settle it hands up to the bureau, which acknowledges (签收) within the region's
-- deadline (no law fixes it: station_setting, 3 working days unless the region sets otherwise).

INSERT INTO role (code, name, data_scope, description, sort_order) VALUES
  ('STATION_OFFICER', '劳动保障所', 'REGION',
   '乡镇（街道）劳动保障所：先行接收本乡镇网格员报送的线索，就地调解并记录支付，调解不成的移交劳动保障监察机构', 18);

INSERT INTO permission (code, name, module) VALUES
  ('casework:station:handle',      '劳动保障所：接收网格线索、调解、结案、移交', 'casework'),
  ('casework:station:acknowledge', '签收劳动保障所移交的线索',                 'casework'),
  ('casework:station:setting',     '设置劳动保障所移交的签收期限',             'casework');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('STATION_OFFICER',   'casework:station:handle'),
  ('LABOR_INSPECTOR',   'casework:station:acknowledge'),
  ('LEADERSHIP_OFFICE', 'casework:station:setting');

CREATE TABLE station_matter (
    case_id           BIGINT         PRIMARY KEY REFERENCES case_file (id) ON DELETE CASCADE,
    region_code       VARCHAR(12)    NOT NULL REFERENCES region (code),
    stage             VARCHAR(16)    NOT NULL DEFAULT 'AT_STATION' CHECK (stage IN ('AT_STATION', 'SETTLED', 'HANDED_UP')),
    received_on       DATE           NOT NULL,
    mediation_due     DATE           NOT NULL,
    employer_party    VARCHAR(200),
    worker_party      VARCHAR(500),
    agreed_on         DATE,
    agreed_amount     NUMERIC(16, 2) CHECK (agreed_amount > 0),
    agreed_pay_by     DATE,
    agreement_terms   VARCHAR(1000),
    mediated_by       VARCHAR(64),
    settled_on        DATE,
    handed_up_on      DATE,
    handover_reason   VARCHAR(1000),
    acknowledge_due   DATE,
    acknowledged_at   TIMESTAMPTZ,
    acknowledged_by   VARCHAR(64),
    version           INT            NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by        VARCHAR(64)    NOT NULL DEFAULT 'system',
    CHECK (agreed_on IS NULL OR (agreed_amount IS NOT NULL AND agreed_pay_by IS NOT NULL AND agreed_pay_by >= agreed_on)),
    CHECK (stage <> 'SETTLED' OR (settled_on IS NOT NULL AND agreed_on IS NOT NULL)),
    CHECK (stage <> 'HANDED_UP' OR (handed_up_on IS NOT NULL AND handover_reason IS NOT NULL AND acknowledge_due IS NOT NULL)),
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX station_matter_region_ix ON station_matter (region_code, stage);
CREATE INDEX station_matter_received_ix ON station_matter (received_on);
COMMENT ON TABLE station_matter IS '劳动保障所经办的网格线索：先行接收、就地调解、所级结案或移交劳动保障监察机构';
COMMENT ON COLUMN station_matter.region_code IS '劳动保障所所在乡镇（街道）区划代码';
COMMENT ON COLUMN station_matter.stage IS '所内经办阶段：在所办理 / 所级结案 / 已移交';
COMMENT ON COLUMN station_matter.received_on IS '劳动保障所收到线索之日';
COMMENT ON COLUMN station_matter.mediation_due IS '调解期限：收到之日起十五日（《劳动争议调解仲裁法》第十四条第三款），逾期未达成协议的应移交';
COMMENT ON COLUMN station_matter.employer_party IS '调解当事人：用人单位及其到场代表';
COMMENT ON COLUMN station_matter.worker_party IS '调解当事人：劳动者（代表）';
COMMENT ON COLUMN station_matter.agreed_on IS '调解协议达成之日（《劳动争议调解仲裁法》第十四条）';
COMMENT ON COLUMN station_matter.agreed_amount IS '调解协议约定支付的金额（元）';
COMMENT ON COLUMN station_matter.agreed_pay_by IS '调解协议约定的支付期限';
COMMENT ON COLUMN station_matter.agreement_terms IS '调解协议的其他内容';
COMMENT ON COLUMN station_matter.mediated_by IS '调解员（登录名）';
COMMENT ON COLUMN station_matter.settled_on IS '所级结案之日（协议金额已足额支付）';
COMMENT ON COLUMN station_matter.handed_up_on IS '移交劳动保障监察机构之日';
COMMENT ON COLUMN station_matter.handover_reason IS '移交原因';
COMMENT ON COLUMN station_matter.acknowledge_due IS '签收期限：移交之日起若干工作日（按区划设置，未设置的 3 个工作日）';
COMMENT ON COLUMN station_matter.acknowledged_at IS '劳动保障监察机构签收时间';
COMMENT ON COLUMN station_matter.acknowledged_by IS '签收人（登录名）';

CREATE TABLE station_payment (
    id          BIGSERIAL      PRIMARY KEY,
    case_id     BIGINT         NOT NULL REFERENCES station_matter (case_id) ON DELETE CASCADE,
    paid_on     DATE           NOT NULL,
    amount      NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    workers     INT            NOT NULL CHECK (workers > 0),
    manner      VARCHAR(16)    NOT NULL CHECK (manner IN ('BANK_TRANSFER', 'CASH')),
    evidence    VARCHAR(200)   NOT NULL,
    recorded_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    recorded_by VARCHAR(64)    NOT NULL
);
CREATE INDEX station_payment_case_ix ON station_payment (case_id);
COMMENT ON TABLE station_payment IS '按调解协议支付给劳动者的每一笔工资：日期、金额、领取人数、方式（《保障农民工工资支付条例》第十一条）与凭证';

CREATE TABLE station_setting (
    region_code     VARCHAR(12) PRIMARY KEY REFERENCES region (code),
    acknowledge_days INT        NOT NULL CHECK (acknowledge_days BETWEEN 1 AND 15),
    version         INT         NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by      VARCHAR(64) NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE station_setting IS '劳动保障所移交的签收期限（工作日），按区划设置；乡镇取本级，未设置的取上级，都未设置的为 3 个工作日';

-- The stations' figures (统计口径), one row a station and day of receipt: what the station received that day and
-- what became of it. The station's own ledger and the bureau's statistics both add these rows up over a period, so
-- that their figures agree.
CREATE VIEW station_daily_figure AS
SELECT m.region_code, m.received_on,
       count(*) AS received,
       count(*) FILTER (WHERE m.agreed_on IS NOT NULL) AS mediated,
       count(*) FILTER (WHERE m.stage = 'SETTLED') AS settled,
       COALESCE(sum(p.paid) FILTER (WHERE m.stage = 'SETTLED'), 0) AS recovered,
       COALESCE(sum(p.workers) FILTER (WHERE m.stage = 'SETTLED'), 0) AS workers_paid,
       count(*) FILTER (WHERE m.stage = 'HANDED_UP') AS handed_up,
       count(*) FILTER (WHERE m.stage = 'HANDED_UP' AND m.acknowledged_at IS NOT NULL) AS acknowledged
  FROM station_matter m
  LEFT JOIN (SELECT case_id, sum(amount) AS paid, max(workers) AS workers FROM station_payment GROUP BY case_id) p
         ON p.case_id = m.case_id
 GROUP BY m.region_code, m.received_on;
COMMENT ON VIEW station_daily_figure IS '劳动保障所统计（按所和收到日期）：收到、达成调解协议、所级结案、追回金额与领取人数（所级结案的）、移交、已签收';
