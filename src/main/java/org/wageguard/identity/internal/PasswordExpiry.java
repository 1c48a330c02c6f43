package org.wageguard.identity.internal;

/** Where the username of a login refused for an expired password waits for the change-password form. */
public final class PasswordExpiry {

    public static final String SESSION_USERNAME = PasswordExpiry.class.getName() + ".username";

    private PasswordExpiry() {
    }
}
