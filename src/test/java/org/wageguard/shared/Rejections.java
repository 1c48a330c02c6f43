package org.wageguard.shared;

import org.wageguard.shared.InvalidIdentifierException.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Asserts that a factory refuses a value for exactly the expected check, key and arguments. */
final class Rejections {

    interface Factory {
        Object make();
    }

    private Rejections() {
    }

    static InvalidIdentifierException assertRejected(Factory factory, String key, Check check, Object... arguments) {
        try {
            Object made = factory.make();
            return fail("expected " + key + " but got " + made);
        } catch (InvalidIdentifierException e) {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.check()).isEqualTo(check);
            assertThat(e.arguments()).containsExactly(arguments);
            assertThat(e.chineseMessage()).isNotBlank().doesNotContain("{0}");
            return e;
        }
    }
}
