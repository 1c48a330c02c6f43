package org.wageguard.shared.retention;

/**
 * The person whose data a deletion request (《个人信息保护法》第四十七条) is about: the worker's id and the blind index of
 * their ID number, with which every module finds the person's rows (the roster by id, clues and disbursements by the
 * index).
 */
public record ErasureSubject(long workerId, String idNumberHash) {
}
