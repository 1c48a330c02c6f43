package org.wageguard.project;

/** 在建 / 停工 / 竣工 / 交付. */
public enum ProjectStatus { UNDER_CONSTRUCTION, SUSPENDED, COMPLETED, DELIVERED }
