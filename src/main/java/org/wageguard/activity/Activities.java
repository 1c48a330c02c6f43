package org.wageguard.activity;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/** Meetings and publicity/training events of a region, with the decisions taken and who follows them up. */
@Service
public class Activities {

    public enum Kind {
        DEPLOYMENT_MEETING, EXCHANGE_MEETING, INSPECTION_PREP_MEETING, OTHER_MEETING, TRAINING, PUBLICITY, LEGAL_AWARENESS;

        public boolean meeting() {
            return name().endsWith("_MEETING");
        }
    }

    public record Draft(Kind kind, LocalDate heldOn, String title, String regionCode, long convenorId, String organisers,
            String audience, int participants, int materials, int consultations, String media, String summary) {
    }

    public record Activity(long id, String kind, LocalDate heldOn, String title, String regionCode, long convenorId,
            String convenorName, String organisers, String audience, int participants, int materials, int consultations,
            String media, String summary, LocalDate endsOn, String channel, Integer reach) {
    }

    /** Where publicity runs: face to face, newspapers, news sites, taxi screens, departments' screens, "两微一端", outdoor. */
    public enum Channel { FACE_TO_FACE, PRINT_MEDIA, NEWS_SITE, TAXI_SCREEN, DEPARTMENT_SCREEN, NEW_MEDIA, OUTDOOR, OTHER }

    /** A project or enterprise a training (or publicity) reached. */
    public record Target(long id, String kind, String code, String name) {
    }

    /** The distinct projects and enterprises trained in a period. */
    public record Trained(long projects, long employers) {
    }

    /** Ongoing publicity of one channel in a period: items, days run inside the period, and the reach recorded. */
    public record Ongoing(String channel, long items, long days, long reach) {
    }

    public record Decision(long id, String decision, Long followUpId, String followUpName, LocalDate doneOn) {
    }

    /** Counts over a period: what the work summary says of meetings, training and publicity. */
    public record Totals(long meetings, long meetingAttendance, long trainings, long trainingParticipants,
            long publicityEvents, long materials, long consultations) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    Activities(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    /** Records an event; every problem with the draft is an {@link IllegalArgumentException} naming the field. */
    @Transactional
    public long record(Draft d, String actor) {
        if (d.kind() == null) {
            throw new IllegalArgumentException("kind");
        }
        if (d.heldOn() == null) {
            throw new IllegalArgumentException("heldOn");
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            throw new IllegalArgumentException("title");
        }
        if (d.participants() < 0 || d.materials() < 0 || d.consultations() < 0) {
            throw new IllegalArgumentException("participants");
        }
        long id = jdbc.sql("""
                INSERT INTO activity (kind, held_on, title, region_code, convenor_id, organisers, audience, participants,
                    materials, consultations, media, summary, created_by)
                VALUES (:k, :d, :t, :r, :c, :o, :a, :p, :m, :q, :media, :s, :by) RETURNING id
                """).param("k", d.kind().name()).param("d", Date.valueOf(d.heldOn())).param("t", d.title().trim())
                .param("r", d.regionCode()).param("c", d.convenorId()).param("o", blank(d.organisers()))
                .param("a", blank(d.audience())).param("p", d.participants()).param("m", d.materials())
                .param("q", d.consultations()).param("media", blank(d.media())).param("s", blank(d.summary()))
                .param("by", actor).query(Long.class).single();
        operationLog.record("ACTIVITY_RECORD", "activity", id, "登记活动：" + d.title().trim());
        return id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Transactional
    public long decide(long activityId, String decision, Long followUpId) {
        if (decision == null || decision.isBlank()) {
            throw new IllegalArgumentException("decision");
        }
        long id = jdbc.sql("INSERT INTO activity_decision (activity_id, decision, follow_up_id) VALUES (:a, :d, :f) RETURNING id")
                .param("a", activityId).param("d", decision.trim()).param("f", followUpId).query(Long.class).single();
        operationLog.record("ACTIVITY_DECISION", "activity", activityId, "议定事项：" + decision.trim());
        return id;
    }

    @Transactional
    public void done(long decisionId, LocalDate on) {
        jdbc.sql("UPDATE activity_decision SET done_on = :d WHERE id = :id").param("d", Date.valueOf(on))
                .param("id", decisionId).update();
        operationLog.record("ACTIVITY_DECISION_DONE", "activity_decision", decisionId, "议定事项已落实");
    }

    private static final String SELECT = """
            SELECT a.id, a.kind, a.held_on, a.title, a.region_code, a.convenor_id, d.name AS convenor_name, a.organisers,
                   a.audience, a.participants, a.materials, a.consultations, a.media, a.summary, a.ends_on, a.channel, a.reach
              FROM activity a JOIN department d ON d.id = a.convenor_id
            """;

    public List<Activity> list(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE a.region_code LIKE :p AND a.held_on BETWEEN :f AND :t ORDER BY a.held_on DESC, a.id DESC")
                .param("p", regionPrefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Activity.class)).list();
    }

    public Optional<Activity> find(long id, String regionPrefix) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND a.region_code LIKE :p").param("id", id).param("p", regionPrefix + "%")
                .query(Rows.of(Activity.class)).optional();
    }

    public List<Decision> decisions(long activityId) {
        return jdbc.sql("""
                SELECT x.id, x.decision, x.follow_up_id, d.name AS follow_up_name, x.done_on
                  FROM activity_decision x LEFT JOIN department d ON d.id = x.follow_up_id
                 WHERE x.activity_id = :a ORDER BY x.id
                """).param("a", activityId).query(Rows.of(Decision.class)).list();
    }

    public Totals totals(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE kind LIKE '%\\_MEETING') AS meetings,
                       COALESCE(sum(participants) FILTER (WHERE kind LIKE '%\\_MEETING'), 0) AS meeting_attendance,
                       count(*) FILTER (WHERE kind = 'TRAINING') AS trainings,
                       COALESCE(sum(participants) FILTER (WHERE kind = 'TRAINING'), 0) AS training_participants,
                       count(*) FILTER (WHERE kind IN ('PUBLICITY','LEGAL_AWARENESS')) AS publicity_events,
                       COALESCE(sum(materials), 0) AS materials, COALESCE(sum(consultations), 0) AS consultations
                  FROM activity WHERE region_code LIKE :p AND held_on BETWEEN :f AND :t
                """).param("p", regionPrefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Totals.class)).single();
    }

    /**
     * Makes an event ongoing publicity: from its date to {@code endsOn} (inclusive) on a channel, with the reach
     * (people reached, views) where known; problems are {@link IllegalArgumentException}s naming the field.
     */
    @Transactional
    public void ongoing(long id, LocalDate endsOn, Channel channel, Integer reach) {
        if (channel == null) {
            throw new IllegalArgumentException("channel");
        }
        if (reach != null && reach < 0) {
            throw new IllegalArgumentException("reach");
        }
        LocalDate heldOn = jdbc.sql("SELECT held_on FROM activity WHERE id = :id").param("id", id).query(LocalDate.class).single();
        if (endsOn == null || endsOn.isBefore(heldOn)) {
            throw new IllegalArgumentException("endsOn");
        }
        jdbc.sql("UPDATE activity SET ends_on = :e, channel = :c, reach = :r WHERE id = :id").param("e", Date.valueOf(endsOn))
                .param("c", channel.name()).param("r", reach).param("id", id).update();
        operationLog.record("ACTIVITY_ONGOING", "activity", id, "持续宣传至 " + endsOn + "（" + channel.name() + "）");
    }

    /**
     * Links a project (by its code) or an enterprise (by its credit code) of the region to the event: whom a training
     * trained. Problems are {@link IllegalArgumentException}s: {@code target} (neither found in the region).
     */
    @Transactional
    public void addTarget(long id, String regionPrefix, String projectCode, String creditCode) {
        Long project = projectCode == null || projectCode.isBlank() ? null : jdbc.sql(
                "SELECT id FROM published_project WHERE code = :c AND region_code LIKE :p").param("c", projectCode.trim())
                .param("p", regionPrefix + "%").query(Long.class).optional().orElseThrow(() -> new IllegalArgumentException("project"));
        Long employer = project != null || creditCode == null || creditCode.isBlank() ? null : jdbc.sql(
                "SELECT id FROM published_employer WHERE credit_code = :c AND region_code LIKE :p").param("c", creditCode.trim().toUpperCase())
                .param("p", regionPrefix + "%").query(Long.class).optional().orElseThrow(() -> new IllegalArgumentException("employer"));
        if (project == null && employer == null) {
            throw new IllegalArgumentException("target");
        }
        jdbc.sql("""
                INSERT INTO activity_target (activity_id, project_id, employer_id) VALUES (:a, :p, :e) ON CONFLICT DO NOTHING
                """).param("a", id).param("p", project).param("e", employer).update();
        operationLog.record("ACTIVITY_TARGET", "activity", id, "培训对象：" + (project != null ? projectCode : creditCode).trim());
    }

    public List<Target> targets(long activityId) {
        return jdbc.sql("""
                SELECT x.id, CASE WHEN x.project_id IS NULL THEN 'EMPLOYER' ELSE 'PROJECT' END AS kind,
                       COALESCE(p.code, e.credit_code) AS code, COALESCE(p.name, e.name) AS name
                  FROM activity_target x LEFT JOIN published_project p ON p.id = x.project_id LEFT JOIN published_employer e ON e.id = x.employer_id
                 WHERE x.activity_id = :a ORDER BY kind DESC, code
                """).param("a", activityId).query(Rows.of(Target.class)).list();
    }

    /** The distinct projects and enterprises linked to the trainings held in the period. */
    public Trained trained(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(DISTINCT x.project_id) AS projects, count(DISTINCT x.employer_id) AS employers
                  FROM activity_target x JOIN activity a ON a.id = x.activity_id
                 WHERE a.kind = 'TRAINING' AND a.region_code LIKE :p AND a.held_on BETWEEN :f AND :t
                """).param("p", regionPrefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Trained.class)).single();
    }

    /** Ongoing publicity overlapping the period, per channel: days counted inside the period only, both ends included. */
    public List<Ongoing> ongoing(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT channel, count(*) AS items, sum(LEAST(ends_on, :t) - GREATEST(held_on, :f) + 1) AS days,
                       COALESCE(sum(reach), 0) AS reach
                  FROM activity WHERE region_code LIKE :p AND ends_on IS NOT NULL AND held_on <= :t AND ends_on >= :f
                 GROUP BY channel ORDER BY channel
                """).param("p", regionPrefix + "%").param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Rows.of(Ongoing.class)).list();
    }
}
