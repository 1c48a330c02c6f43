package org.wageguard.identity.internal;

/**
 * Where the username of a login refused for an expired password waits for the change-password form, and the mark
 * of a session whose officer signed in with a one-time password and must change it before anything else.
 */
public final class PasswordExpiry {

    public static final String SESSION_USERNAME = PasswordExpiry.class.getName() + ".username";

    /** Set at login while the officer holds a one-time password; removed by their own change. */
    public static final String SESSION_ONE_TIME = PasswordExpiry.class.getName() + ".oneTime";

    private PasswordExpiry() {
    }
}
