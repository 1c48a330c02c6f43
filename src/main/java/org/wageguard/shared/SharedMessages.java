package org.wageguard.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The Chinese texts of this module outside Spring. Reads the same {@code messages/shared_zh_CN.properties}
 * that Spring's {@code MessageSource} loads (basename {@code messages/shared}); Java reads property bundles as
 * UTF-8 since 9, and the no-fallback control keeps a non-Chinese default locale from picking another file.
 */
public final class SharedMessages {

    public static final String BASENAME = "messages/shared";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private SharedMessages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BASENAME, CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Formats like Spring's {@code MessageSource} does: through {@link MessageFormat} only when there are
     * arguments, so that texts without arguments are used verbatim.
     */
    public static String chinese(String key, Object... arguments) {
        return format(bundle().getString(key), arguments);
    }

    /** The same for another module's bundle (its basename, e.g. {@code messages/casework}). */
    public static String chinese(String basename, String key, Object... arguments) {
        return format(ResourceBundle.getBundle(basename, CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key),
                arguments);
    }

    private static String format(String pattern, Object... arguments) {
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, CHINESE).format(arguments);
    }
}
