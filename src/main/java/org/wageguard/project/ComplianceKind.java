package org.wageguard.project;

/** The items an inspection of a construction project checks (Decree 724 Art. 39), in the seed's order. */
public enum ComplianceKind { REAL_NAME, SPECIAL_ACCOUNT, BANK_PAYROLL, WAGE_DEPOSIT, NOTICE_BOARD, PAYMENT_GUARANTEE }
