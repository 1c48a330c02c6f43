package org.wageguard.employer.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grids of the seed's city, 沅江市: four in 琼湖街道 (the demo account {@code wangge} works in the third), two in
 * 胭脂湖街道 (the second covers the high-tech zone), one each in 南大膳镇, 草尾镇 and 南嘴镇, their grid workers being
 * identity's demo accounts. Every demo employer is put in the grid it lies in, and its last refresh is spread over
 * the past months relative to today, so that some are overdue, some due soon and some fresh. Only in the demo
 * profile, only once.
 */
@Component
@Profile("demo")
@Order(21)
class DemoGridData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGridData.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoGridData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM grid").query(Integer.class).single() > 0) {
            return;
        }
        grid("430981001-01", "琼湖街道第一网格", "430981001", "桔城大道以东、庆云山路以北，含城投、交投等市属企业驻地");
        grid("430981001-02", "琼湖街道第二网格", "430981001", "白沙大道沿线，含市人民医院、教育系统基建项目");
        grid("430981001-03", "琼湖街道第三网格", "430981001", "交通路、五一西路、商业步行街一带的餐饮、酒店和娱乐场所");
        grid("430981001-04", "琼湖街道第四网格", "430981001", "金岛路、育才路、人民路一带的在建工地和劳务企业");
        grid("430981002-01", "胭脂湖街道第一网格", "430981002", "石矶湖路、银鱼路、建设路一带");
        grid("430981002-02", "胭脂湖街道第二网格（高新区）", "430981002", "沅江高新技术产业开发区船舶、食品、纺织产业园");
        grid("430981100-01", "南大膳镇第一网格", "430981100", "S202沿线及集镇");
        grid("430981102-01", "草尾镇第一网格", "430981102", "草尾大道沿线及集镇");
        grid("430981106-01", "南嘴镇第一网格", "430981106", "南洞庭湖堤防沿线");

        // credit code, grid, months since the last refresh (-1: never refreshed since registration)
        Object[][] placed = {
                {"914309811870214560", "430981001-01", 2}, {"914309813256781239", "430981001-01", 7},
                {"91430981MA4L12340E", "430981001-01", 4},
                {"12430981445301258M", "430981001-02", 1}, {"11430981006120347X", "430981001-02", 5},
                {"91430981661693528C", "430981001-02", 9},
                {"92430981MA4L3W7X5N", "430981001-03", 8}, {"91430981MA4M8N2P9H", "430981001-03", 5},
                {"91430981MA4R5T1U3D", "430981001-03", 1},
                {"914300001837601554", "430981001-04", 3}, {"91430981MA4QA1B23U", "430981001-04", -1},
                {"91430903MA4T6G9H1D", "430981001-04", 2},
                {"91430981MA4L0N2K5G", "430981002-01", 3}, {"91430981MA4M3B6C21", "430981002-01", 6},
                {"91430981187034521G", "430981002-01", 1}, {"52430981MA4L6H3J8R", "430981002-01", 4},
                {"91430981MA4P8Q7R1T", "430981002-02", 2}, {"91430981MA4N7K3L60", "430981002-02", 10},
                {"91430981MA4L9X2Y41", "430981002-02", 7}, {"91430981MA4PBC1D7F", "430981002-02", 3},
                {"91430981MA4QJ8K2MH", "430981002-02", 1},
                {"91430900MA4L5T8W3Y", "430981100-01", 2}, {"91430981MA4R2D5E81", "430981102-01", 8},
                {"914309007072218464", "430981106-01", 4}};
        LocalDate today = LocalDate.now(clock);
        for (Object[] p : placed) {
            int months = (Integer) p[2];
            // A few days into the month as well, so that "due soon" and "overdue" are not all on one day.
            LocalDate refreshed = months < 0 ? null : today.minusMonths(months).minusDays(months * 3L % 11);
            jdbc.sql("""
                    UPDATE employer SET grid_code = :grid, refreshed_on = :refreshed,
                        refreshed_by = (SELECT min(o.username) FROM officer_directory o WHERE o.grid_code = :grid AND CAST(:refreshed AS DATE) IS NOT NULL)
                     WHERE credit_code = :code
                    """).param("grid", p[1]).param("refreshed", refreshed).param("code", p[0]).update();
        }
        log.info("已载入演示数据：沅江市网格 9 个，{} 家用人单位划入网格", placed.length);
    }

    private void grid(String code, String name, String region, String notes) {
        jdbc.sql("""
                INSERT INTO grid (code, name, region_code, notes) VALUES (:code, :name, :region, :notes)
                """).param("code", code).param("name", name).param("region", region).param("notes", notes).update();
    }
}
