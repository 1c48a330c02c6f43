-- Issue 15, numbering: documents kept outside a case file (inspection's rectification notices, 整改通知书) are
-- numbered by the same helper as the case documents — per region prefix (文书简称), document kind and year — from
-- one counter per prefix, kind and year.
CREATE TABLE document_sequence (
    prefix   VARCHAR(8)  NOT NULL,
    kind     VARCHAR(24) NOT NULL,
    year     INT         NOT NULL,
    last_seq INT         NOT NULL CHECK (last_seq > 0),
    PRIMARY KEY (prefix, kind, year)
);
COMMENT ON TABLE document_sequence IS '案件以外文书（如整改通知书）的编号计数：按机关简称、文书种类、年度顺序编号';
