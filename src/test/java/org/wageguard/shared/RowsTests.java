package org.wageguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;

/** Records mapped from PostgreSQL rows by component name, underscored or not, with Spring's conversions. */
@DemoApplicationTest
class RowsTests {

    enum Colour { RED, GREEN }

    record Row(long id, String employerName, BigDecimal amountClaimed, LocalDate registeredOn, LocalDateTime at,
            Colour colour, boolean groupCase, int workers, Integer missingOrNull, String notInTheQuery) {
    }

    @Autowired JdbcClient jdbc;

    @Test
    void componentsFindTheirColumnsByNameWhateverTheUnderscores() {
        List<Row> rows = jdbc.sql("""
                SELECT x AS id, '某建筑公司' || x AS employer_name, 1234.50 * x AS amountclaimed,
                       DATE '2021-06-25' + x AS registered_on, TIMESTAMP '2021-06-25 09:30:00' AS at,
                       CASE WHEN x = 1 THEN 'RED' ELSE 'GREEN' END AS colour, x > 1 AS group_case,
                       NULL::int AS workers, CASE WHEN x = 2 THEN 7 END AS missing_or_null
                  FROM generate_series(1, 2) x ORDER BY x
                """).query(Rows.of(Row.class)).list();
        assertThat(rows).containsExactly(
                new Row(1, "某建筑公司1", new BigDecimal("1234.50"), LocalDate.of(2021, 6, 26),
                        LocalDateTime.of(2021, 6, 25, 9, 30), Colour.RED, false, 0, null, null),
                new Row(2, "某建筑公司2", new BigDecimal("2469.00"), LocalDate.of(2021, 6, 27),
                        LocalDateTime.of(2021, 6, 25, 9, 30), Colour.GREEN, true, 0, 7, null));
    }

    @Test
    void aRecordDeclaredInAMethodIsMappedToo() {
        record Cell(String month, long cases) {
        }
        assertThat(jdbc.sql("SELECT '2021-01' AS month, 62 AS cases").query(Rows.of(Cell.class)).single())
                .isEqualTo(new Cell("2021-01", 62));
    }
}
