package org.wageguard.identity;

import java.util.List;

/**
 * What waits for an officer, for the home page: each module that has work for officers declares a bean of this type
 * and answers, for the signed-in officer, what is theirs to do with its count and where to do it (an assignment to
 * their department, a deadline close or passed, an alert to handle, an unread notice). The home page lists all of
 * them, so an officer sees on signing in what waits.
 */
public interface WaitingWork {

    /**
     * One kind of waiting work: a Chinese title, how many, the page that lists them, and whether it is urgent
     * (overdue or due within days).
     */
    record Item(int order, String title, long count, String href, boolean urgent) {
    }

    List<Item> waitingFor(OfficerPrincipal officer);
}
