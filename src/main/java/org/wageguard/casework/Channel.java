package org.wageguard.casework;

/** Where a matter came in: the joint reception hall, the hotline, the national clue platform, letters and visits, the grid, an inspection, an alert. */
public enum Channel { WALK_IN, HOTLINE, PLATFORM, PORTAL, LETTER_VISIT, GRID, INSPECTION, ALERT }
