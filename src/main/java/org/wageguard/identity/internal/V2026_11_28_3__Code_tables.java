package org.wageguard.identity.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Loads the shipped code tables (regions, industry sectors) from {@code classpath:codes/}. */
@Component
class V2026_11_28_3__Code_tables extends BaseJavaMigration {

    private static final List<String> LEVELS = List.of("PROVINCE", "PREFECTURE", "COUNTY", "TOWN", "VILLAGE",
            "SECTION", "DIVISION");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        load(c, "codes/regions.csv", "INSERT INTO region (code, name, level, parent_code) VALUES (?, ?, ?, ?)");
        load(c, "codes/industry-sectors.csv",
                "INSERT INTO industry_sector (code, name, level, parent_code) VALUES (?, ?, ?, ?)");
    }

    private static void load(Connection c, String resource, String sql) throws Exception {
        try (InputStream in = V2026_11_28_3__Code_tables.class.getClassLoader().getResourceAsStream(resource);
                PreparedStatement insert = c.prepareStatement(sql)) {
            if (in == null) {
                throw new IllegalStateException("Missing code table " + resource);
            }
            List<CSVRecord> records = new ArrayList<>(CSVFormat.RFC4180.builder().setHeader()
                    .setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords());
            // Parents before children, whatever the file's order, so that the foreign keys hold row by row.
            records.sort(Comparator.comparingInt(r -> LEVELS.indexOf(r.get("level"))));
            for (CSVRecord r : records) {
                insert.setString(1, r.get("code"));
                insert.setString(2, r.get("name"));
                insert.setString(3, r.get("level"));
                String parent = r.get("parent_code");
                insert.setString(4, parent == null || parent.isBlank() ? null : parent);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
