-- The case list's keyword (a number or an employer's name, any part of it) over a province's million cases: a
-- trigram index answers "ILIKE '%…%'" without reading every row. pg_trgm ships with PostgreSQL (contrib) and is a
-- trusted extension, so the database's owner may create it. It needs a database whose LC_CTYPE classifies Chinese
-- characters as letters (C.UTF-8, zh_CN.UTF-8 — not plain C), as the embedded database and the README's setup have.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX case_file_number_trgm ON case_file USING gin (number gin_trgm_ops);
CREATE INDEX case_file_employer_name_trgm ON case_file USING gin (employer_name gin_trgm_ops);
