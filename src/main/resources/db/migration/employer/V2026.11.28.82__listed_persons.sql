-- The persons listed with an employer on a credit list (legal representative, responsible persons; MOHRSS Decree 45),
-- and the procedure record a listing came from.
CREATE TABLE employer_listed_person (
    id          BIGSERIAL PRIMARY KEY,
    listing_id  BIGINT       NOT NULL REFERENCES employer_credit_listing (id) ON DELETE CASCADE,
    name        VARCHAR(64)  NOT NULL,
    role        VARCHAR(32)  NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'ACTUAL_CONTROLLER', 'RESPONSIBLE_PERSON', 'LABOR_CONTRACTOR')),
    id_number_masked VARCHAR(32),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by  VARCHAR(64)  NOT NULL DEFAULT 'system'
);
CREATE INDEX employer_listed_person_listing_ix ON employer_listed_person (listing_id);
COMMENT ON TABLE employer_listed_person IS '随用人单位一并列入信用名单的人员';
COMMENT ON COLUMN employer_listed_person.role IS '身份：法定代表人/实际控制人/其他责任人/包工头';
COMMENT ON COLUMN employer_listed_person.id_number_masked IS '身份证号（脱敏）';
ALTER TABLE employer_credit_listing ADD COLUMN published_on DATE;
COMMENT ON COLUMN employer_credit_listing.published_on IS '公示（公布）日期';
