package org.wageguard.casework;

/** A step the case's state or the officer's role does not allow; the message says why, in Chinese. */
public class CaseRuleException extends RuntimeException {
    public CaseRuleException(String message) {
        super(message);
    }
}
