package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Flyway's English out-of-order warning, by design here, becomes one Chinese line; its other lines stay. */
class FlywayOutOfOrderNoteTests {

    @Test
    void theWarningIsReplacedByAChineseLineAndOtherFlywayLinesPass() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        FlywayOutOfOrderNote note = new FlywayOutOfOrderNote();
        note.setContext(context);
        note.start();
        context.addTurboFilter(note);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        try {
            Logger flyway = context.getLogger(FlywayOutOfOrderNote.FLYWAY_LOGGER);
            flyway.setLevel(Level.INFO);
            flyway.warn("outOfOrder mode is active. Migration of schema \"public\" may not be reproducible.");
            flyway.info("Migrating schema \"public\" to version \"2026.12.03.150 - x\"");
            assertThat(captured.list).noneMatch(e -> e.getFormattedMessage().contains("outOfOrder mode is active"));
            assertThat(captured.list).anyMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("乱序"));
            assertThat(captured.list).anyMatch(e -> e.getFormattedMessage().startsWith("Migrating schema"));
        } finally {
            root.detachAppender(captured);
            context.getTurboFilterList().remove(note);
        }
    }
}
