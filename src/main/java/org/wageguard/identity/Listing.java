package org.wageguard.identity;

import java.util.List;
import java.util.function.IntFunction;

/** One page of a list and the way to link to other pages with the same filters. */
public record Listing<T>(List<T> rows, long total, int number, int size, IntFunction<String> linker) {

    public static final int DEFAULT_SIZE = 20;

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public String link(int page) {
        return linker.apply(page);
    }

    public static int offset(int page, int size) {
        return Math.max(0, page - 1) * size;
    }
}
