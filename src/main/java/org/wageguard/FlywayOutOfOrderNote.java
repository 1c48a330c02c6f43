package org.wageguard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Flyway warns on every start that "outOfOrder mode is active … may not be reproducible". Here that is by design:
 * each module numbers its migrations in its own range, so a module's lower number may arrive after a higher one
 * of another module was applied ({@code spring.flyway.out-of-order=true}; docs/architecture.md). The warning is
 * replaced by one Chinese line that says so (registered in logback-spring.xml).
 */
public class FlywayOutOfOrderNote extends TurboFilter {

    static final String FLYWAY_LOGGER = "org.flywaydb.core.internal.command.DbMigrate";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.WARN && format != null && format.startsWith("outOfOrder mode is active")
                && FLYWAY_LOGGER.equals(logger.getName())) {
            LoggerFactory.getLogger(WageGuardApplication.class).info(
                    "数据库迁移：各模块在各自的编号段内编号，允许按乱序补齐（out-of-order，设计如此，见 docs/architecture.md）");
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
