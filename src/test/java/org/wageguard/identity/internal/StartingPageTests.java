package org.wageguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;

/**
 * Until every start-up task (the demo data included) has run, the login page is held: 503 "演示数据准备中" with
 * Retry-After, reloading itself — before, it answered seconds before the demo accounts existed and a login failed.
 */
@DemoApplicationTest
class StartingPageTests {

    @Autowired MockMvc mvc;
    @Autowired FilterRegistrationBean<DatabaseOutage.OutageFilter> databaseOutageFilter;

    @Test
    void theLoginIsHeldUntilTheDemoDataIsReadyThenServed() throws Exception {
        DatabaseOutage.OutageFilter filter = databaseOutageFilter.getFilter();
        assertThat(filter.ready).as("ready after the application started").isTrue();
        filter.ready = false;
        try {
            mvc.perform(get("/login")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("演示数据准备中")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("http-equiv=\"refresh\"")));
            mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        } finally {
            filter.ready = true;
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
