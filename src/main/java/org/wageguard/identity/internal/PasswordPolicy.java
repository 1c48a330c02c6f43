package org.wageguard.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Length and character classes of a new password; the reasons it fails, as message codes. */
@Component
public class PasswordPolicy {

    private final SecuritySettings.Password settings;

    PasswordPolicy(SecuritySettings settings) {
        this.settings = settings.password();
    }

    public List<MessageSourceResolvable> violations(String password, String username) {
        List<MessageSourceResolvable> problems = new ArrayList<>();
        if (password == null || password.length() < settings.minLength()) {
            problems.add(message("password.policy.length", settings.minLength()));
        }
        if (password != null && classes(password) < settings.minClasses()) {
            problems.add(message("password.policy.classes", settings.minClasses()));
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add(message("password.policy.username"));
        }
        return problems;
    }

    static int classes(String password) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (char c : password.toCharArray()) {
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public int minLength() {
        return settings.minLength();
    }

    public int expiryDays() {
        return settings.expiryDays();
    }

    private static MessageSourceResolvable message(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }
}
