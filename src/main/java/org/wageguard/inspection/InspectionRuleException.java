package org.wageguard.inspection;

/** A rule of the inspection module refused an action; the message is a bundle key. */
public class InspectionRuleException extends RuntimeException {

    public InspectionRuleException(String key) {
        super(key);
    }
}
