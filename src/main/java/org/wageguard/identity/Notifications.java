package org.wageguard.identity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Rows;

/**
 * Notices inside the system, addressed to a department: a supervision (督办) of an overdue case, a clue ledger to
 * answer. Any module sends them; each officer sees those of the department they belong to.
 */
@Service
public class Notifications {

    public record Notice(long id, long departmentId, String kind, String title, String body, String link,
            LocalDateTime createdAt, LocalDateTime readAt, String readBy) {
    }

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long send(long departmentId, String kind, String title, String body, String link) {
        String actor = CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
        return jdbc.sql("""
                INSERT INTO notification (department_id, kind, title, body, link, created_by)
                VALUES (:d, :k, :t, :b, :l, :by) RETURNING id
                """).param("d", departmentId).param("k", kind).param("t", title).param("b", body).param("l", link)
                .param("by", actor).query(Long.class).single();
    }

    /** The leadership group's office (治欠办) of a region: where escalations go. */
    public Optional<Long> leadershipOffice(String regionCode) {
        return jdbc.sql("""
                SELECT id FROM department WHERE kind = 'LEADERSHIP_OFFICE' AND region_code = :r ORDER BY id LIMIT 1
                """).param("r", regionCode).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Notice> of(long departmentId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                SELECT id, department_id, kind, title, body, link, created_at AT TIME ZONE 'Asia/Shanghai' AS created_at,
                       read_at AT TIME ZONE 'Asia/Shanghai' AS read_at, read_by FROM notification
                 WHERE department_id = :d AND (NOT :unread OR read_at IS NULL)
                 ORDER BY read_at IS NULL DESC, created_at DESC, id DESC LIMIT :limit
                """).param("d", departmentId).param("unread", unreadOnly).param("limit", limit).query(Rows.of(Notice.class)).list();
    }

    @Transactional(readOnly = true)
    public long unread(long departmentId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE department_id = :d AND read_at IS NULL")
                .param("d", departmentId).query(Long.class).single();
    }

    /** Marks a notice read; only an officer of the department it was sent to may. */
    @Transactional
    public boolean markRead(long id, OfficerPrincipal officer) {
        if (officer.departmentId() == null) {
            return false;
        }
        return jdbc.sql("""
                UPDATE notification SET read_at = now(), read_by = :by
                 WHERE id = :id AND department_id = :d AND read_at IS NULL
                """).param("by", officer.username()).param("id", id).param("d", officer.departmentId()).update() == 1;
    }
}
