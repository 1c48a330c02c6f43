package org.wageguard.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An administrative division code (GB/T 2260, six digits), or a township (9) or village (12) code that extends
 * one. The level and the parent follow from the digits alone, so that data-scope checks need no table: a code's
 * subtree is every code that starts with its {@link #subtreePrefix()}.
 */
public final class RegionCode extends Identifier {

    /** Named as in the {@code region.level} column. */
    public enum Level {
        PROVINCE, PREFECTURE, COUNTY, TOWN, VILLAGE
    }

    private static final Pattern FORMAT = Pattern.compile("(?!00)[0-9]{6}(?:[0-9]{3}(?:[0-9]{3})?)?");

    private final Level level;

    private RegionCode(String value) {
        super(value);
        this.level = levelOf(value);
    }

    public static RegionCode of(String value) {
        String code = value == null ? "" : value.strip();
        if (!FORMAT.matcher(code).matches()) {
            throw new InvalidIdentifierException("identifier.region.format");
        }
        return new RegionCode(code);
    }

    private static Level levelOf(String code) {
        if (code.length() == 12) {
            return Level.VILLAGE;
        }
        if (code.length() == 9) {
            return Level.TOWN;
        }
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.PREFECTURE : Level.COUNTY;
    }

    public Level level() {
        return level;
    }

    /**
     * The code one level up by the digits: a county's prefecture may be a grouping such as 429000 (counties under
     * the province) rather than a city; {@code 441900003}'s parent is the prefecture 441900, which has no counties.
     */
    public Optional<RegionCode> parent() {
        return switch (level) {
            case PROVINCE -> Optional.empty();
            case PREFECTURE -> Optional.of(new RegionCode(value().substring(0, 2) + "0000"));
            case COUNTY -> Optional.of(new RegionCode(value().substring(0, 4) + "00"));
            case TOWN -> Optional.of(new RegionCode(value().substring(0, 6)));
            case VILLAGE -> Optional.of(new RegionCode(value().substring(0, 9)));
        };
    }

    /** The prefix shared by this code and every code below it: {@code 43} for 430000, {@code 4309} for 430900. */
    public String subtreePrefix() {
        return switch (level) {
            case PROVINCE -> value().substring(0, 2);
            case PREFECTURE -> value().substring(0, 4);
            default -> value();
        };
    }

    /** Region codes are public: shown whole. */
    @Override
    public String masked() {
        return value();
    }

    /** Whether {@code other} is this region or lies within it; the data-scope test. */
    public boolean contains(RegionCode other) {
        return other.value().startsWith(subtreePrefix());
    }
}
