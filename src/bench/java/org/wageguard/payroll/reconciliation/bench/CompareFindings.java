package org.wageguard.payroll.reconciliation.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two {@code findings.csv} files as multisets of (rule, severity, project, worker, month), ignoring
 * order and detail. Prints counts per rule; exits 1 when they differ, listing a few differences.
 *
 * <p>{@code java -cp ... CompareFindings engine.csv duckdb.csv}
 */
public final class CompareFindings {

    private CompareFindings() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> a = read(Path.of(args[0]));
        Map<String, Integer> b = read(Path.of(args[1]));
        Map<String, int[]> perRule = new TreeMap<>();
        a.forEach((k, n) -> perRule.computeIfAbsent(k.substring(0, k.indexOf(',')), r -> new int[2])[0] += n);
        b.forEach((k, n) -> perRule.computeIfAbsent(k.substring(0, k.indexOf(',')), r -> new int[2])[1] += n);
        List<String> differences = new ArrayList<>();
        Map<String, Integer> all = new HashMap<>(a);
        b.keySet().forEach(k -> all.putIfAbsent(k, 0));
        for (String k : all.keySet()) {
            int n = a.getOrDefault(k, 0);
            int m = b.getOrDefault(k, 0);
            if (n != m) {
                differences.add(k + "  first " + n + " second " + m);
            }
        }
        perRule.forEach((rule, n) -> System.out.printf("  %-20s %9d %9d%n", rule, n[0], n[1]));
        if (differences.isEmpty()) {
            System.out.println("identical: " + a.values().stream().mapToInt(Integer::intValue).sum()
                    + " findings, same multiset of (rule, severity, project, worker, month)");
            return;
        }
        System.out.println("DIFFERENT: " + differences.size() + " keys differ, e.g.");
        differences.stream().sorted().limit(20).forEach(d -> System.out.println("  " + d));
        System.exit(1);
    }

    private static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> keys = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> fields = new ArrayList<>();
            boolean header = true;
            for (String line; (line = record(in, fields)) != null; ) {
                if (header) {
                    header = false;
                    continue;
                }
                keys.merge(String.join(",", fields.subList(0, 5)), 1, Integer::sum);
            }
        }
        return keys;
    }

    /** Reads one RFC 4180 record into {@code fields}; null at the end. */
    private static String record(BufferedReader in, List<String> fields) throws IOException {
        fields.clear();
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; ; i++) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                String next = in.readLine();
                if (next == null) {
                    break;
                }
                field.append('\n');
                line = next;
                i = -1;
                continue;
            }
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return line;
    }
}
