package org.wageguard.monitoring.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleSettings;
import org.wageguard.shared.SpringFestivalWindow;
import org.wageguard.shared.SpringFestivals;

/**
 * The one Spring Festival window: rule 12's days before and after the lunar new year in force for the region on the
 * day, around that year's festival ({@link SpringFestivals}). Intake asks it too, so a matter registered in the window
 * and an alert raised in it mean the same days.
 */
@Component
class FestivalWindow implements SpringFestivalWindow {

    private final RuleSettings settings;
    private final SpringFestivals festivals;

    FestivalWindow(RuleSettings settings, SpringFestivals festivals) {
        this.settings = settings;
        this.festivals = festivals;
    }

    @Override
    public boolean covers(LocalDate day, String regionCode) {
        return settings.snapshot().of(RuleCode.R12, regionCode, day).window(festivals, day).isPresent();
    }
}
