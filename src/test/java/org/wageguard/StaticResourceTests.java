package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Static files and version-less webjar paths are served, and no filter looks every link of a page up on the class
 * path (see {@code PlatformConfiguration.noResourceUrlEncoding}; its cost is measured by the province load test).
 */
@DemoApplicationTest
class StaticResourceTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void staticFilesAndVersionLessWebjarsAreServed() throws Exception {
        mvc.perform(get("/webjars/bootstrap/dist/css/bootstrap.min.css")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bootstrap")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/img/logo.svg")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/webjars/bootstrap/dist/css/bootstrap.min.css")));
    }

    @Test
    void noResourceUrlEncodingFilterRewritesLinks() {
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .filteredOn(r -> r.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty().allSatisfy(r -> assertThat(r.isEnabled()).isFalse());
    }
}
