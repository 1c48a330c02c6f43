package org.wageguard.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The system's enums shown in Chinese (数据字典). Each enum's labels live in the message bundles under
 * {@code enum.<SimpleName>.<CONSTANT>}; modules register their enums as {@link Dictionary} beans.
 */
@Service
public class Dictionaries {

    public record Dictionary(Class<? extends Enum<?>> type) {
    }

    public record Entry(String code, String label) {
    }

    public record View(String name, String title, List<Entry> entries) {
    }

    private final List<Dictionary> dictionaries;
    private final MessageSource messages;

    Dictionaries(List<Dictionary> dictionaries, MessageSource messages) {
        this.dictionaries = dictionaries;
        this.messages = messages;
    }

    public String label(Enum<?> value) {
        return value == null ? "" : messages.getMessage("enum." + value.getDeclaringClass().getSimpleName() + "."
                + value.name(), null, value.name(), LocaleContextHolder.getLocale());
    }

    public List<View> all() {
        List<View> views = new ArrayList<>();
        for (Dictionary d : dictionaries) {
            String name = d.type().getSimpleName();
            List<Entry> entries = new ArrayList<>();
            for (Enum<?> constant : d.type().getEnumConstants()) {
                entries.add(new Entry(constant.name(), label(constant)));
            }
            views.add(new View(name, messages.getMessage("enum." + name, null, name, LocaleContextHolder.getLocale()),
                    entries));
        }
        views.sort(Comparator.comparing(View::name));
        return views;
    }
}
