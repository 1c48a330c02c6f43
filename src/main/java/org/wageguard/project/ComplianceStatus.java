package org.wageguard.project;

/** 在位 / 缺失 / 过期 / 不适用. */
public enum ComplianceStatus { PRESENT, MISSING, EXPIRED, NOT_APPLICABLE }
