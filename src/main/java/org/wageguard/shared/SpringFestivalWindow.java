package org.wageguard.shared;

import java.time.LocalDate;

/**
 * Whether a day falls in a region's Spring Festival window (春节前后重点时段): the one setting of early warning's rule
 * 12 (days before and after the lunar new year, {@link SpringFestivals}), which intake uses as well to mark a matter
 * registered in the window. Implemented by the monitoring module, which owns the setting; named here so that casework,
 * which monitoring depends on, can ask it.
 */
public interface SpringFestivalWindow {

    boolean covers(LocalDate day, String regionCode);
}
