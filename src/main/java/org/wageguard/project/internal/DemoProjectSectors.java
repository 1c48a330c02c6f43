package org.wageguard.project.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo projects' own sectors (GB/T 4754): buildings of the housing department and the high-tech zone are 47
 * 房屋建筑业, roads and water works 48 土木工程建筑业.
 */
@Component
@Profile("demo")
@Order(31)
class DemoProjectSectors implements ApplicationRunner {

    private final JdbcClient jdbc;

    DemoProjectSectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("""
                UPDATE project p SET industry_code = CASE d.name WHEN '沅江市交通运输局' THEN '48' WHEN '沅江市水利局' THEN '48' ELSE '47' END
                  FROM department d WHERE d.id = p.department_id AND p.industry_code IS NULL AND p.code LIKE 'YJ-%'
                """).update();
    }
}
