package org.wageguard.employer;

import org.wageguard.shared.SharedMessages;

/** A listing or removal that the credit-list rules do not allow; the message is Chinese, from the bundle. */
public class CreditListingRefused extends RuntimeException {

    public CreditListingRefused(String message) {
        super(message);
    }

    public static CreditListingRefused of(String key, Object... args) {
        return new CreditListingRefused(SharedMessages.chinese("messages/employer", "employer.listing.refused." + key, args));
    }
}
