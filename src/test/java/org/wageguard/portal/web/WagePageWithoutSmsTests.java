package org.wageguard.portal.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.ViewResolver;
import org.wageguard.DemoApplicationTest;
import org.wageguard.portal.WageServices;
import org.wageguard.portal.internal.NoSmsGateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14: a deployment without an SMS gateway (outside the demo profile, {@link NoSmsGateway}) tells the worker on
 * the wage page that codes cannot be sent and where to go instead, and offers no form that would make a code. The
 * wage page's own controller and template render here with the sender such a deployment gets, in the shared
 * application context (a browser test with its own sender bean started a whole application and database for this).
 */
@DemoApplicationTest
class WagePageWithoutSmsTests {

    @Autowired WageServices services;
    @Autowired ViewResolver thymeleafViewResolver;

    MockMvc page;

    @BeforeEach
    void theWagePageOfADeploymentWithoutGateway() {
        page = MockMvcBuilders.standaloneSetup(new WageController(services.sendingWith(new NoSmsGateway())))
                .setViewResolvers(thymeleafViewResolver).build();
    }

    @Test
    void theWagePageSaysThatCodesCannotBeSentAndOffersNoCodeForm() throws Exception {
        page.perform(get("/portal/wages")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sms-not-configured\"")))
                .andExpect(content().string(containsString("尚未接入短信平台")))
                .andExpect(content().string(containsString("12333")))
                .andExpect(content().string(not(containsString("id=\"wage-code-form\""))));
    }

    @Test
    void aCodeAskedForAnywaySaysTheSameAndSendsNothing() throws Exception {
        page.perform(post("/portal/wages/code").param("idNumber", "430981197903151086").param("name", "刘桂英"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未接入短信平台")))
                .andExpect(content().string(not(containsString("id=\"code-sent\""))))
                .andExpect(content().string(not(containsString("id=\"wage-code-form\""))));
    }
}
