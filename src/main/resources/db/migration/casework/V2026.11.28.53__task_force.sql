-- The task force (工作专班) drawn from several departments for the weeks before the Spring Festival, its duty
-- roster for concentrated reception (集中接访), and the matters registered while it sat.
CREATE TABLE task_force (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(100) NOT NULL,
    region_code        VARCHAR(12)  NOT NULL REFERENCES region (code),
    lead_department_id BIGINT       NOT NULL REFERENCES department (id),
    period_from        DATE         NOT NULL,
    period_to          DATE         NOT NULL CHECK (period_to >= period_from),
    reception_from     DATE,
    reception_to       DATE,
    duties             VARCHAR(1000),
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by         VARCHAR(64)  NOT NULL DEFAULT 'system'
);
COMMENT ON TABLE task_force IS '治欠工作专班：从相关职能部门抽调人员组成，春节前集中接访、集中处置';
COMMENT ON COLUMN task_force.reception_from IS '集中接访起始日（如春节前10天）';
COMMENT ON COLUMN task_force.duties IS '工作职责';

CREATE TABLE task_force_member (
    id            BIGSERIAL PRIMARY KEY,
    task_force_id BIGINT      NOT NULL REFERENCES task_force (id) ON DELETE CASCADE,
    name          VARCHAR(64) NOT NULL,
    department_id BIGINT      NOT NULL REFERENCES department (id),
    role          VARCHAR(16) NOT NULL CHECK (role IN ('LEADER', 'DEPUTY', 'MEMBER')),
    phone         VARCHAR(32)
);
COMMENT ON TABLE task_force_member IS '专班成员及其派出部门';

CREATE TABLE duty_shift (
    id            BIGSERIAL PRIMARY KEY,
    task_force_id BIGINT      NOT NULL REFERENCES task_force (id) ON DELETE CASCADE,
    day           DATE        NOT NULL,
    member_id     BIGINT      NOT NULL REFERENCES task_force_member (id) ON DELETE CASCADE,
    location      VARCHAR(100) NOT NULL,
    UNIQUE (task_force_id, day, member_id)
);
COMMENT ON TABLE duty_shift IS '集中接访值班表';

ALTER TABLE case_file ADD CONSTRAINT case_file_task_force_fk FOREIGN KEY (task_force_id) REFERENCES task_force (id);

INSERT INTO permission (code, name, module) VALUES ('casework:taskforce:edit', '组建工作专班、排值班表', 'casework');
INSERT INTO role_permission (role_code, permission_code) VALUES ('LEADERSHIP_OFFICE', 'casework:taskforce:edit');
