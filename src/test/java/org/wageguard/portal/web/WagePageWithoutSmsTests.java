package org.wageguard.portal.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.wageguard.DemoApplicationTest;
import org.wageguard.portal.WageServices;
import org.wageguard.portal.internal.NoSmsGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a deployment without an SMS gateway (outside the demo profile, {@link NoSmsGateway}) tells the worker on
 * the wage page that codes cannot be sent and where to go instead, and offers no form that would make a code. The
 * wage page's own controller and template render here with the sender such a deployment gets, in the shared
 * application context and with its view resolver (a browser test with its own sender bean started a whole
 * application and database for this one page).
 */
@DemoApplicationTest
class WagePageWithoutSmsTests {

    @Autowired WageServices services;
    @Autowired ViewResolver thymeleafViewResolver;
    @Autowired WebApplicationContext application;
    @Autowired org.wageguard.messaging.TextMessages messages;
    @Autowired org.wageguard.identity.OperationLog operationLog;

    final WageController controllerWithoutGateway() {
        return new WageController(services.sendingWith(new NoSmsGateway()), messages, operationLog);
    }

    /** The page the controller's view renders, as the dispatcher would render it for a visitor of the portal. */
    String render(String viewName, Model model, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(application.getServletContext(), "GET", path);
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, application);
        MockHttpServletResponse response = new MockHttpServletResponse();
        View view = thymeleafViewResolver.resolveViewName(viewName, Locale.SIMPLIFIED_CHINESE);
        assertThat(view).as(viewName).isNotNull();
        view.render(model.asMap(), request, response);
        return response.getContentAsString();
    }

    @Test
    void theWagePageSaysThatCodesCannotBeSentAndOffersNoCodeForm() throws Exception {
        Model model = new ExtendedModelMap();
        String view = controllerWithoutGateway().form(new MockHttpSession(), model);
        assertThat(render(view, model, "/portal/wages")).contains("id=\"sms-not-configured\"", "尚未接入短信平台", "12333")
                .doesNotContain("id=\"wage-code-form\"");
    }

    @Test
    void aCodeAskedForAnywaySaysTheSameAndSendsNothing() throws Exception {
        Model model = new ExtendedModelMap();
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/portal/wages/code");
        post.setRemoteAddr("10.9.0.14");
        String view = controllerWithoutGateway().code("430981197903151086", "刘桂英", model, post);
        assertThat(render(view, model, "/portal/wages/code")).contains("尚未接入短信平台")
                .doesNotContain("id=\"code-sent\"").doesNotContain("id=\"wage-code-form\"");
    }
}
