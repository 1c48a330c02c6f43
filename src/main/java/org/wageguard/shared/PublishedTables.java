package org.wageguard.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a module offers the other modules of its tables, declared on its {@code package-info.java}. Each module owns
 * the tables and views its migrations create; another module's SQL may touch them only as declared here, and
 * {@code TableOwnershipTests} reads every SQL string of the code and every migration to hold them to it. Whatever is
 * not declared is the module's own to change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface PublishedTables {

    /**
     * Tables and views the other modules may read. Usually views the module's own migrations define over its tables,
     * so that the tables can change while the view keeps its columns and meaning (casework's {@code counted_case});
     * code tables (identity's regions, departments, sectors) are published as they are.
     */
    String[] read() default {};

    /** Tables the other modules' foreign keys may point at: their keys stay as they are. */
    String[] referenced() default {};

    /** Tables the other modules' migrations may insert into (identity's permissions granted to roles). */
    String[] seeded() default {};
}
