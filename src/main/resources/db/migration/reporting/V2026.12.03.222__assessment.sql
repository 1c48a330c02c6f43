-- The annual assessment of wage-payment work (保障农民工工资支付工作考核) as the province passes its items down:
-- indicators with their points, the county's self-score per indicator with the evidence behind it (a figure of the
-- system's own records), the gap and the measure — the pack assembled for the national inspectors (迎国检).
CREATE TABLE assessment (
    id            BIGSERIAL PRIMARY KEY,
    region_code   VARCHAR(12)  NOT NULL REFERENCES region (code),
    year          INT          NOT NULL CHECK (year BETWEEN 2017 AND 2100),
    title         VARCHAR(200) NOT NULL,
    issued_by     VARCHAR(200) NOT NULL,
    issued_number VARCHAR(64),
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (region_code, year)
);
COMMENT ON TABLE assessment IS '年度保障农民工工资支付工作考核（省级下发的考核细则）';
COMMENT ON COLUMN assessment.issued_by IS '下发单位';
COMMENT ON COLUMN assessment.issued_number IS '下发文号';

CREATE TABLE assessment_indicator (
    id             BIGSERIAL PRIMARY KEY,
    assessment_id  BIGINT        NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    sort_order     INT           NOT NULL DEFAULT 100,
    category       VARCHAR(64)   NOT NULL,
    content        VARCHAR(500)  NOT NULL,
    criteria       VARCHAR(1000),
    points         NUMERIC(6, 2) NOT NULL CHECK (points > 0),
    evidence_key   VARCHAR(48),
    self_score     NUMERIC(6, 2) CHECK (self_score >= 0 AND self_score <= points),
    evidence_note  VARCHAR(1000),
    gap            VARCHAR(1000),
    measure        VARCHAR(1000),
    responsible_id BIGINT REFERENCES department (id),
    version        INT           NOT NULL DEFAULT 0,
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by     VARCHAR(64)   NOT NULL DEFAULT 'system'
);
CREATE INDEX assessment_indicator_ix ON assessment_indicator (assessment_id, sort_order);
COMMENT ON TABLE assessment_indicator IS '考核指标：分值、自评得分、佐证、差距与整改措施';
COMMENT ON COLUMN assessment_indicator.category IS '考核项目';
COMMENT ON COLUMN assessment_indicator.content IS '考核内容';
COMMENT ON COLUMN assessment_indicator.criteria IS '评分标准';
COMMENT ON COLUMN assessment_indicator.points IS '分值';
COMMENT ON COLUMN assessment_indicator.evidence_key IS '佐证数据：系统统计指标的键（工作总结指标、合规率、结案率）';
COMMENT ON COLUMN assessment_indicator.self_score IS '自评得分（0 至分值）';
COMMENT ON COLUMN assessment_indicator.gap IS '差距与问题';
COMMENT ON COLUMN assessment_indicator.measure IS '整改措施';
COMMENT ON COLUMN assessment_indicator.responsible_id IS '责任单位';

INSERT INTO permission (code, name, module) VALUES
  ('reporting:assessment:view', '查看考核自评与迎检材料', 'reporting'),
  ('reporting:assessment:edit', '维护考核指标与自评', 'reporting');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'reporting:assessment:view'), ('LEADERSHIP_OFFICE', 'reporting:assessment:edit'),
  ('LABOR_INSPECTOR', 'reporting:assessment:view'), ('INDUSTRY_OFFICER', 'reporting:assessment:view');
