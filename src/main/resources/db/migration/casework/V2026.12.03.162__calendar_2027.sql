-- Issue 15, the 2027 calendar. The State Council's notice for 2027 (国办发明电) was not at hand when this was written:
-- the days below follow the festivals' 2027 dates and the usual pattern of the holiday rules as revised in 2024
-- (《全国年节及纪念日放假办法》: 元旦 1, 春节 4 incl. 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 days) and are
-- marked provisional (暂定) until the administrator checks them against the notice.
ALTER TABLE work_calendar ADD COLUMN provisional BOOLEAN NOT NULL DEFAULT FALSE;
COMMENT ON COLUMN work_calendar.provisional IS '暂定：按节日日期与惯例推定，尚待对照国务院办公厅放假通知核定';

INSERT INTO work_calendar (day, kind, name, provisional) VALUES
 ('2027-01-01','HOLIDAY','元旦',TRUE),('2027-01-02','HOLIDAY','元旦',TRUE),('2027-01-03','HOLIDAY','元旦',TRUE),
 ('2027-01-31','WORKDAY','春节调休',TRUE),
 ('2027-02-05','HOLIDAY','春节',TRUE),('2027-02-06','HOLIDAY','春节',TRUE),('2027-02-07','HOLIDAY','春节',TRUE),
 ('2027-02-08','HOLIDAY','春节',TRUE),('2027-02-09','HOLIDAY','春节',TRUE),('2027-02-10','HOLIDAY','春节',TRUE),
 ('2027-02-11','HOLIDAY','春节',TRUE),('2027-02-12','HOLIDAY','春节',TRUE),('2027-02-13','HOLIDAY','春节',TRUE),
 ('2027-02-20','WORKDAY','春节调休',TRUE),
 ('2027-04-03','HOLIDAY','清明节',TRUE),('2027-04-04','HOLIDAY','清明节',TRUE),('2027-04-05','HOLIDAY','清明节',TRUE),
 ('2027-05-01','HOLIDAY','劳动节',TRUE),('2027-05-02','HOLIDAY','劳动节',TRUE),('2027-05-03','HOLIDAY','劳动节',TRUE),
 ('2027-05-04','HOLIDAY','劳动节',TRUE),('2027-05-05','HOLIDAY','劳动节',TRUE),
 ('2027-05-08','WORKDAY','劳动节调休',TRUE),
 ('2027-06-09','HOLIDAY','端午节',TRUE),
 ('2027-09-15','HOLIDAY','中秋节',TRUE),
 ('2027-09-26','WORKDAY','国庆节调休',TRUE),
 ('2027-10-01','HOLIDAY','国庆节',TRUE),('2027-10-02','HOLIDAY','国庆节',TRUE),('2027-10-03','HOLIDAY','国庆节',TRUE),
 ('2027-10-04','HOLIDAY','国庆节',TRUE),('2027-10-05','HOLIDAY','国庆节',TRUE),('2027-10-06','HOLIDAY','国庆节',TRUE),
 ('2027-10-07','HOLIDAY','国庆节',TRUE),
 ('2027-10-09','WORKDAY','国庆节调休',TRUE)
ON CONFLICT (day) DO NOTHING;

-- The leadership office is warned once per calendar year that the calendar runs out (60 days before its last day).
CREATE TABLE work_calendar_warning (
    last_year INT         PRIMARY KEY,
    warned_on DATE        NOT NULL,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE work_calendar_warning IS '工作日历即将用尽的提醒（每个年度只提醒一次）';

-- The leadership office sees the calendar page (and its warning); only the administrator changes it.
INSERT INTO permission (code, name, module) VALUES ('casework:calendar:view', '查看工作日历', 'casework');
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('LEADERSHIP_OFFICE', 'casework:calendar:view'), ('SYSTEM_ADMIN', 'casework:calendar:view');
