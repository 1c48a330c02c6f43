-- Ongoing publicity (taxi screens, "两微一端" columns) runs from a start to an end date on a channel with a reach, so
-- that its duration and per-channel reach can be counted; a training names the projects and enterprises it trained.
ALTER TABLE activity ADD COLUMN ends_on DATE;
ALTER TABLE activity ADD COLUMN channel VARCHAR(24) CHECK (channel IN ('FACE_TO_FACE', 'PRINT_MEDIA', 'NEWS_SITE',
    'TAXI_SCREEN', 'DEPARTMENT_SCREEN', 'NEW_MEDIA', 'OUTDOOR', 'OTHER'));
ALTER TABLE activity ADD COLUMN reach INT CHECK (reach >= 0);
ALTER TABLE activity ADD CONSTRAINT activity_period CHECK (ends_on IS NULL OR ends_on >= held_on);
COMMENT ON COLUMN activity.held_on IS '日期（持续宣传为开始日期）';
COMMENT ON COLUMN activity.ends_on IS '持续宣传的结束日期（含）；空为一次性活动';
COMMENT ON COLUMN activity.channel IS '宣传渠道：面对面、报刊、新闻网站、出租车电子屏、部门电子屏、两微一端新媒体、户外、其他';
COMMENT ON COLUMN activity.reach IS '覆盖人次（播放、阅读或到场人次）';

CREATE TABLE activity_target (
    id          BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    project_id  BIGINT REFERENCES project (id),
    employer_id BIGINT REFERENCES employer (id),
    CHECK ((project_id IS NULL) <> (employer_id IS NULL))
);
CREATE UNIQUE INDEX activity_target_project ON activity_target (activity_id, project_id) WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX activity_target_employer ON activity_target (activity_id, employer_id) WHERE employer_id IS NOT NULL;
COMMENT ON TABLE activity_target IS '培训（或宣传）覆盖的在建项目、企业';
