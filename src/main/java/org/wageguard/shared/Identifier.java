package org.wageguard.shared;

/**
 * The common shape of the checked string identifiers: equal by type and normalised value, and rendered masked by
 * {@link #toString()} so that a value concatenated into a log line or a message does not leak whole.
 */
public abstract class Identifier {

    private final String value;

    // Package-private: only this package's types are identifiers that have passed their checks.
    Identifier(String value) {
        this.value = value;
    }

    /** The whole normalised value, for storage, encryption and lookup; never for display. */
    public final String value() {
        return value;
    }

    /** What may be shown to someone without the right to see the whole value (DOMAIN.md §7). */
    public abstract String masked();

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((Identifier) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return masked();
    }
}
