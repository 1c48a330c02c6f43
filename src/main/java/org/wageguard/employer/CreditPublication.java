package org.wageguard.employer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CodeTables;
import org.wageguard.shared.Rows;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The published credit lists during their publication term: the joint-punishment blacklist of MOHRSS Decree 45
 * (拖欠农民工工资失信联合惩戒对象名单, 人社部令第45号) and the key-attention list (重点关注名单), as the file the
 * credit-sharing platform (信用中国 / the provincial credit platform) takes and as the portal's public page.
 * <p>
 * An entry is shown from the day its listing was published (公布, the last step of the procedure, Decree 45 Art. 2
 * 公开信息) until its term ends (Art. 13: three years from the listing decision on the blacklist; one year on the
 * key-attention list by the region's practice) or it is removed early (Art. 14), whichever comes first. Personal data
 * is kept to what the decree makes public (Art. 4: 个人信息保护): the names and roles of the persons listed with the
 * employer (Art. 5), never an ID number, not even masked.
 */
@Service
@Transactional(readOnly = true)
public class CreditPublication {

    /** Where the rules of publication come from, for the page and the file. */
    public static final String BASIS = "《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）";

    /** One published listing in its term; {@link #termEnds()} is its last day on the list. */
    public record Entry(long listingId, String creditCode, String employerName, String legalRepresentative,
            CreditListKind kind, String grounds, String authority, String decisionNumber, LocalDate listedOn,
            LocalDate publishedOn, LocalDate expiresOn, String personsListed) {

        public LocalDate termEnds() {
            return expiresOn.minusDays(1);
        }
    }

    private record Row(long listingId, String creditCode, String employerName, String legalRepresentative,
            CreditListKind kind, String grounds, String decisionNumber, LocalDate listedOn, LocalDate publishedOn,
            LocalDate expiresOn, String regionCode) {
    }

    private record Person(String name, String role) {
    }

    /** The columns of the file, in order (documented in docs/notice-board-and-credit-publication.md). */
    public static final List<String> COLUMN_KEYS = List.of("creditCode", "employerName", "legalRepresentative",
            "listKind", "grounds", "authority", "decisionNumber", "listedOn", "publishedOn", "termEnds", "personsListed",
            "basis");

    private final JdbcClient jdbc;
    private final CodeTables codeTables;
    private final MessageSource messages;

    CreditPublication(JdbcClient jdbc, CodeTables codeTables, MessageSource messages) {
        this.jdbc = jdbc;
        this.codeTables = codeTables;
        this.messages = messages;
    }

    /**
     * The listings of employers of the region ({@code regionPrefix}, "" for all) published and in their term on
     * {@code day}: removed listings (from their removal day) and expired ones (from the day after their last day) are
     * not among them, nor decided but not yet published ones.
     */
    public List<Entry> inTerm(String regionPrefix, LocalDate day) {
        List<Row> rows = jdbc.sql("""
                SELECT l.id AS listing_id, e.credit_code, e.name AS employer_name, e.legal_representative, l.kind,
                       l.grounds, l.decision_number, l.listed_on, l.published_on, l.expires_on, e.region_code
                  FROM employer_credit_listing l JOIN employer e ON e.id = l.employer_id
                 WHERE e.region_code LIKE :prefix
                   AND l.published_on IS NOT NULL AND l.published_on <= :day AND l.listed_on <= :day
                   AND l.expires_on > :day AND (l.removed_on IS NULL OR l.removed_on > :day)
                 ORDER BY l.kind, l.listed_on DESC, l.id DESC
                """).param("prefix", regionPrefix + "%").param("day", day).query(Rows.of(Row.class)).list();
        return rows.stream().map(this::entry).toList();
    }

    private Entry entry(Row r) {
        List<Person> persons = jdbc.sql("SELECT name, role FROM employer_listed_person WHERE listing_id = :l ORDER BY id")
                .param("l", r.listingId()).query(Rows.of(Person.class)).list();
        String legal = persons.stream().filter(p -> p.role().equals("LEGAL_REPRESENTATIVE")).map(Person::name)
                .findFirst().orElse(r.legalRepresentative());
        String listed = persons.stream().map(p -> p.name() + "（" + text("credit.publication.role." + p.role()) + "）")
                .collect(Collectors.joining("、"));
        return new Entry(r.listingId(), r.creditCode(), r.employerName(), legal, r.kind(), r.grounds(),
                authority(r.regionCode()), r.decisionNumber(), r.listedOn(), r.publishedOn(), r.expiresOn(), listed);
    }

    /**
     * The deciding authority of a region: the human resources and social security department of its county (Decree 45
     * Art. 3: the local departments at or above county level decide by their jurisdiction). The documents of the
     * procedure are issued in its name too.
     */
    public String authority(String regionCode) {
        String county = regionCode.length() > 6 ? regionCode.substring(0, 6) : regionCode;
        return codeTables.region(county).map(CodeTables.Region::name).orElse("") + "人力资源和社会保障局";
    }

    /** The column headers of the file, in Chinese. */
    public List<String> headers() {
        return COLUMN_KEYS.stream().map(k -> text("credit.publication.col." + k)).toList();
    }

    /** One line of the file per entry, the cells in the order of {@link #COLUMN_KEYS}. */
    public List<List<String>> lines(List<Entry> entries) {
        return entries.stream().map(e -> List.of(e.creditCode(), e.employerName(), nullToEmpty(e.legalRepresentative()),
                text("credit.publication.kind." + e.kind()), nullToEmpty(e.grounds()), e.authority(),
                nullToEmpty(e.decisionNumber()), e.listedOn().toString(), e.publishedOn().toString(),
                e.termEnds().toString(), e.personsListed(), text("credit.publication.basis." + e.kind()))).toList();
    }

    /** The file as CSV: RFC 4180, UTF-8 with a byte-order mark, a header line. */
    public byte[] csv(List<Entry> entries) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(headers().toArray(String[]::new)).get())) {
            for (List<String> line : lines(entries)) {
                csv.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The file as XLSX: one sheet, the header row, every cell text (dates as yyyy-MM-dd). */
    public byte[] xlsx(List<Entry> entries) {
        return LedgerWorkbook.toXlsx(text("credit.publication.sheet"), headers(), lines(entries));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
