-- One row per run of a scheduled job (shared.ScheduledRuns): the key (job, run_key) — the job's name and the night
-- it ran for — is what makes a night's run happen once across every instance of the application. A run that failed
-- rolled back with its row, so a later firing runs it again.
CREATE TABLE scheduled_run (
    job         VARCHAR(80)  NOT NULL,
    run_key     VARCHAR(40)  NOT NULL,
    instance    VARCHAR(200) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    outcome     VARCHAR(500),
    PRIMARY KEY (job, run_key)
);
COMMENT ON TABLE scheduled_run IS '定时任务运行记录：每个任务每个运行日只运行一次（多实例共享）';
