package org.wageguard.monitoring;

/** What an alert is about. */
public enum SubjectKind { PROJECT, EMPLOYER, WORKER }
