package org.wageguard.casework;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The national clue platform's clue-result form (线索办理结果): its columns in order, each with the key the platform's
 * API takes and the Chinese header its upload takes, written as CSV (UTF-8 with BOM) or XLSX. docs/national-platform.md
 * documents every column.
 */
public final class PlatformResultForm {

    record Field(String key, String header, Function<ClueExchange.Result, Object> value) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("clue_no", "线索编号", ClueExchange.Result::clueNo),
            new Field("state", "办理状态", r -> r.state().label()),
            new Field("accepted_on", "受理日期", ClueExchange.Result::acceptedOn),
            new Field("concluded_on", "办结日期", ClueExchange.Result::concludedOn),
            new Field("outcome", "办结方式代码", ClueExchange.Result::outcome),
            new Field("outcome_text", "办结方式", ClueExchange.Result::outcomeText),
            new Field("amount_recovered", "追回工资金额", r -> r.amountRecovered() == null ? null : r.amountRecovered().toPlainString()),
            new Field("workers_paid", "兑付人数", ClueExchange.Result::workersPaid),
            new Field("reply", "答复反映人内容", ClueExchange.Result::reply),
            new Field("handled_by", "承办单位", ClueExchange.Result::handledBy));

    private PlatformResultForm() {
    }

    public static List<String> headers() {
        return FIELDS.stream().map(Field::header).toList();
    }

    public static List<String> keys() {
        return FIELDS.stream().map(Field::key).toList();
    }

    /** One result as the platform API's object: the keys in the form's order, absent values as null. */
    public static Map<String, Object> asMap(ClueExchange.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        FIELDS.forEach(f -> {
            Object v = f.value().apply(r);
            m.put(f.key(), v == null ? null : v instanceof Number n ? n : v.toString());
        });
        return m;
    }

    private static List<List<?>> rows(List<ClueExchange.Result> results) {
        List<List<?>> rows = new ArrayList<>();
        for (ClueExchange.Result r : results) {
            rows.add(Arrays.asList(FIELDS.stream().map(f -> f.value().apply(r)).toArray()));
        }
        return rows;
    }

    /** The form as CSV: UTF-8 with a BOM (the platform's upload and Excel read it as Chinese), Chinese headers. */
    public static byte[] csv(List<ClueExchange.Result> results) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers().toArray(String[]::new)).get())) {
            for (List<?> row : rows(results)) {
                printer.printRecord(row.stream().map(v -> v == null ? "" : v.toString()).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The form as a workbook, one sheet, the same headers and order as the CSV. */
    public static byte[] xlsx(List<ClueExchange.Result> results) {
        return LedgerWorkbook.toXlsx("线索办理结果", headers(), rows(results));
    }
}
