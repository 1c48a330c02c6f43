-- Issue 16: the Spring Festival (春节, 农历正月初一) of each year served, so that the festival window of early warning
-- (rule 12) and of intake (case_file.spring_festival) is counted from the lunar new year and not from a fixed month-day
-- (12-01 to 02-15 ended in 2026 before the festival itself, 17 February). Dates as the Purple Mountain Observatory's
-- calendar gives them (the new moons of 2027 and 2030 fall just before midnight Beijing time: 6 February 2027 and
-- 3 February 2030). A year not in this table is refused in the window with a clear message, never guessed.
CREATE TABLE spring_festival (
    year         INT  PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
    festival_day DATE NOT NULL UNIQUE CHECK (EXTRACT(YEAR FROM festival_day) = year
                                             AND festival_day BETWEEN make_date(year, 1, 21) AND make_date(year, 2, 20))
);
COMMENT ON TABLE spring_festival IS '春节（农历正月初一）的公历日期，按年度；春节前后重点时段据此计算';
COMMENT ON COLUMN spring_festival.festival_day IS '春节（正月初一）公历日期';

INSERT INTO spring_festival (year, festival_day) VALUES
 (2019, '2019-02-05'), (2020, '2020-01-25'), (2021, '2021-02-12'), (2022, '2022-02-01'), (2023, '2023-01-22'),
 (2024, '2024-02-10'), (2025, '2025-01-29'), (2026, '2026-02-17'), (2027, '2027-02-06'), (2028, '2028-01-26'),
 (2029, '2029-02-13'), (2030, '2030-02-03'), (2031, '2031-01-23'), (2032, '2032-02-11'), (2033, '2033-01-31'),
 (2034, '2034-02-19'), (2035, '2035-02-08'), (2036, '2036-01-28'), (2037, '2037-02-15'), (2038, '2038-02-04'),
 (2039, '2039-01-24'), (2040, '2040-02-12');
