package org.wageguard.casework;

/** 投诉 names the complainant; 举报 may be anonymous. */
public enum CaseKind { COMPLAINT, REPORT }
