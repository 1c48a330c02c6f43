package org.wageguard.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A value as it arrived from a file, with the outcome of its checks (ARCHITECTURE rule 6): a value that fails is
 * kept as read (only trimmed and case-normalised, never corrected) and flagged, so that the import can report it
 * and the reconciliation can still match on it.
 *
 * @param <T> the verified type
 */
public final class Checked<T> {

    private final String value;
    private final T verifiedValue;
    private final InvalidIdentifierException failure;
    private final UnaryOperator<String> masking;

    private Checked(String value, T verifiedValue, InvalidIdentifierException failure, UnaryOperator<String> masking) {
        this.value = value;
        this.verifiedValue = verifiedValue;
        this.failure = failure;
        this.masking = masking;
    }

    static <T> Checked<T> parse(String raw, UnaryOperator<String> normaliser, Function<String, T> factory,
            UnaryOperator<String> masking) {
        String normalised = normaliser.apply(Objects.requireNonNull(raw, "raw"));
        try {
            return new Checked<>(normalised, factory.apply(normalised), null, masking);
        } catch (InvalidIdentifierException e) {
            return new Checked<>(normalised, null, e, masking);
        }
    }

    /** The value as read, normalised the same way the strict factory normalises it. */
    public String value() {
        return value;
    }

    public boolean verified() {
        return failure == null;
    }

    public Optional<T> verifiedValue() {
        return Optional.ofNullable(verifiedValue);
    }

    /** The failed check with its message key and arguments; empty when verified. */
    public Optional<InvalidIdentifierException> failure() {
        return Optional.ofNullable(failure);
    }

    public String masked() {
        return masking.apply(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checked<?> that && value.equals(that.value) && verified() == that.verified()
                && Objects.equals(verifiedValue, that.verifiedValue);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked() + (verified() ? "" : " (unverified: " + failure.messageKey() + ")");
    }
}
