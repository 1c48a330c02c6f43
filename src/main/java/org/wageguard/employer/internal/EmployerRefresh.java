package org.wageguard.employer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.Employers;
import org.wageguard.employer.Grids;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopePredicate;

/**
 * The 6-monthly refresh of each employer by its grid workers (网格员定期核实): the fact is the day a grid worker last
 * confirmed or updated the employer ({@code refreshed_on}); the due day is derived from it (or from the day of
 * registration when it was never refreshed) and the period, a parameter ({@code wageguard.grid.refresh-months},
 * 6 by default). A closed employer needs no refresh.
 */
@Service
@Transactional(readOnly = true)
public class EmployerRefresh {

    /** One employer with its refresh clock, as the grid worker's and the bureau's lists show it. */
    public record Due(long id, String name, String creditCode, String address, String contactPerson, String gridCode,
            String gridName, OperatingStatus operatingStatus, LocalDate refreshedOn, String refreshedBy,
            LocalDate dueOn, boolean overdue, long daysLeft) {
    }

    /** Thrown when the employer is not one the officer may refresh (outside their grid, or unknown). */
    public static class NotInScope extends RuntimeException {
        NotInScope(long id) {
            super("employer " + id + " is not in the officer's grid");
        }
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final Clock clock;
    private final int months;

    public EmployerRefresh(JdbcClient jdbc, OperationLog operationLog, Clock clock,
            @Value(Grids.REFRESH_MONTHS) int months) {
        if (months < 1) {
            throw new IllegalArgumentException("wageguard.grid.refresh-months must be at least 1: " + months);
        }
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.clock = clock;
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The day the next refresh is due: the last refresh (or the registration) plus the period. */
    public LocalDate dueOn(LocalDate refreshedOn, LocalDate registeredOn) {
        return (refreshedOn != null ? refreshedOn : registeredOn).plusMonths(months);
    }

    /**
     * The employers with a grid within the scope (optionally one grid), overdue first, then by the day due.
     */
    public List<Due> list(DataScope scope, String gridCode, boolean overdueOnly) {
        return query(scope, gridCode, null).stream().filter(d -> !overdueOnly || d.overdue())
                .sorted(java.util.Comparator.comparing(Due::dueOn).thenComparing(Due::name)).toList();
    }

    /** One employer's refresh clock, if it lies in a grid within the scope. */
    public java.util.Optional<Due> find(DataScope scope, long employerId) {
        return query(scope, null, employerId).stream().findFirst();
    }

    private List<Due> query(DataScope scope, String gridCode, Long employerId) {
        ScopePredicate predicate = scope.predicate(Employers.SCOPE);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        StringBuilder where = new StringBuilder(" WHERE e.grid_code IS NOT NULL AND e.operating_status <> 'CLOSED' AND ")
                .append(predicate.sql());
        if (gridCode != null && !gridCode.isBlank()) {
            where.append(" AND e.grid_code = :grid");
            params.put("grid", gridCode.trim());
        }
        if (employerId != null) {
            where.append(" AND e.id = :id");
            params.put("id", employerId);
        }
        LocalDate today = today();
        return jdbc.sql("""
                SELECT e.id, e.name, e.credit_code, e.address, e.contact_person, e.grid_code, g.name AS grid_name,
                       e.operating_status, e.refreshed_on, e.refreshed_by, e.registered_on
                  FROM employer e LEFT JOIN grid g ON g.code = e.grid_code
                """ + where + " ORDER BY e.name, e.id").params(params).query((rs, n) -> {
                    java.sql.Date refreshed = rs.getDate("refreshed_on");
                    LocalDate refreshedOn = refreshed == null ? null : refreshed.toLocalDate();
                    LocalDate due = dueOn(refreshedOn, rs.getDate("registered_on").toLocalDate());
                    return new Due(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                            rs.getString("address"), rs.getString("contact_person"), rs.getString("grid_code"),
                            rs.getString("grid_name"), OperatingStatus.valueOf(rs.getString("operating_status")),
                            refreshedOn, rs.getString("refreshed_by"), due, due.isBefore(today),
                            java.time.temporal.ChronoUnit.DAYS.between(today, due));
                }).list();
    }

    /**
     * A grid worker confirms the employer as it stands (核实无变化) or has just saved an edit: the refresh clock
     * starts again today.
     *
     * @throws NotInScope when the employer lies outside the officer's scope
     */
    @Transactional
    public LocalDate confirm(DataScope scope, long employerId) {
        ScopePredicate predicate = scope.predicate(Employers.SCOPE);
        LocalDate today = today();
        String actor = CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
        int rows = jdbc.sql("UPDATE employer e SET refreshed_on = :today, refreshed_by = :actor"
                + " WHERE e.id = :id AND e.grid_code IS NOT NULL AND " + predicate.sql())
                .params(predicate.parameters()).param("today", today).param("actor", actor).param("id", employerId)
                .update();
        if (rows == 0) {
            throw new NotInScope(employerId);
        }
        operationLog.record("EMPLOYER_REFRESH", "employer", employerId, "网格员核实用人单位信息，下次核实到期 "
                + today.plusMonths(months));
        return today;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
