package org.wageguard.project;

/** How a wage deposit or a payment guarantee is provided: cash, a bank guarantee letter, or insurance. */
public enum GuaranteeForm { CASH, BANK_GUARANTEE, INSURANCE }
