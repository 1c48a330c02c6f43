package org.wageguard.casework;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.AdvisoryLocks;

/**
 * The region's own prefix (文书简称: 沅 for 沅江市) and the numbers of a case's documents: per prefix, document kind and
 * year, in order, assigned once (a reprint keeps its number). The prefix is the region's setting
 * ({@code case_region_setting}, the nearest region up the tree that has one), or else the first character of the
 * county's name.
 */
@Service
public class DocumentNumbers {

    /** Key space of the advisory lock that serialises the numbering of one prefix, kind and year. */
    private static final long LOCK_SPACE = 0x15_0D0CL << 32;

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The prefix of the region (or its nearest ancestor with a setting; else the county name's first character). */
    @Transactional(readOnly = true)
    public String prefix(String regionCode) {
        return jdbc.sql("""
                SELECT s.document_prefix FROM case_region_setting s
                 WHERE :r LIKE regexp_replace(s.region_code, '(00)+$', '') || '%'
                 ORDER BY length(regexp_replace(s.region_code, '(00)+$', '')) DESC LIMIT 1
                """).param("r", regionCode).query(String.class).optional()
                .orElseGet(() -> county(regionCode).isEmpty() ? "" : county(regionCode).substring(0, 1));
    }

    /** The name of the county (or city) the region lies in: the issuing bodies are named after it. */
    @Transactional(readOnly = true)
    public String county(String regionCode) {
        String code = regionCode == null ? "" : regionCode.length() > 6 ? regionCode.substring(0, 6) : regionCode;
        return jdbc.sql("SELECT name FROM region WHERE code = :c").param("c", code).query(String.class).optional().orElse("");
    }

    /**
     * The number of a case's document of {@code kind} about {@code subjectId} (0 for the whole case), assigned on first
     * issue from the next free sequence of the region's prefix, the kind and the year.
     */
    @Transactional
    public String number(long caseId, String kind, long subjectId, LocalDate issuedOn, String actor) {
        return jdbc.sql("SELECT number FROM case_document WHERE case_id = :c AND kind = :k AND subject_id = :s")
                .param("c", caseId).param("k", kind).param("s", subjectId).query(String.class).optional()
                .orElseGet(() -> issue(caseId, kind, subjectId, issuedOn, actor));
    }

    private String issue(long caseId, String kind, long subjectId, LocalDate issuedOn, String actor) {
        String region = jdbc.sql("SELECT region_code FROM case_file WHERE id = :c").param("c", caseId).query(String.class).single();
        String prefix = prefix(region);
        int year = issuedOn.getYear();
        AdvisoryLocks.lockForTransaction(jdbc, LOCK_SPACE | ((prefix + kind + year).hashCode() & 0xFFFF_FFFFL));
        int seq = jdbc.sql("SELECT COALESCE(max(seq), 0) + 1 FROM case_document WHERE prefix = :p AND kind = :k AND year = :y")
                .param("p", prefix).param("k", kind).param("y", year).query(Integer.class).single();
        String number = format(kind, prefix, year, seq);
        jdbc.sql("""
                INSERT INTO case_document (case_id, kind, subject_id, prefix, year, seq, number, issued_on, issued_by)
                VALUES (:c, :k, :s, :p, :y, :n, :number, :on, :by)
                """).param("c", caseId).param("k", kind).param("s", subjectId).param("p", prefix).param("y", year)
                .param("n", seq).param("number", number).param("on", Date.valueOf(issuedOn)).param("by", actor).update();
        return number;
    }

    /** A number taken for a document kept outside a case file: its prefix, year, sequence and the number as printed. */
    public record Issued(String prefix, int year, int seq, String number) {
    }

    /**
     * The next number of a document of {@code kind} kept outside a case file (inspection's rectification notice,
     * {@code RECTIFICATION}), issued by a body of {@code regionCode} on {@code issuedOn}: the same prefix and shape
     * as a case's documents, counted per prefix, kind and year in {@code document_sequence}. Sequence numbers carry
     * no leading zeros (GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号……序号不编虚位).
     */
    @Transactional
    public Issued next(String regionCode, String kind, LocalDate issuedOn) {
        String prefix = prefix(regionCode);
        int year = issuedOn.getYear();
        int seq = jdbc.sql("""
                INSERT INTO document_sequence (prefix, kind, year, last_seq) VALUES (:p, :k, :y, 1)
                ON CONFLICT (prefix, kind, year) DO UPDATE SET last_seq = document_sequence.last_seq + 1
                RETURNING last_seq
                """).param("p", prefix).param("k", kind).param("y", year).query(Integer.class).single();
        return new Issued(prefix, year, seq, format(kind, prefix, year, seq));
    }

    /** The number as printed, in the kind's shape ({@code case.doc.number.<kind>}: {prefix}…〔{year}〕{seq}号). */
    private static String format(String kind, String prefix, int year, int seq) {
        return CaseRuleException.text("case.doc.number." + kind).replace("{prefix}", prefix)
                .replace("{year}", String.valueOf(year)).replace("{seq}", String.valueOf(seq));
    }
}
