package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The portal's pages and files carry a strict Content-Security-Policy and the other browser headers. */
@MarketplaceIntegrationTest
class BrowserHeadersTest {

    @Autowired
    WebTestClient web;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/index.html", "/portal/app.js", "/portal/style.css"})
    void thePortalAllowsOnlyItsOwnScriptsAndStylesAndNoFraming(String path) {
        web.get().uri(path).exchange().expectStatus().isOk()
           .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
           .expectHeader().valueEquals("X-Frame-Options", "DENY")
           .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
           .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                   .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'",
                             "object-src 'none'")
                   .doesNotContain("unsafe-inline", "unsafe-eval"));
    }

    @Test
    void thePortalsPageHasNoInlineScriptStyleOrHandler() {
        String page = web.get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                        .doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=").doesNotContain("<style");
    }

    @Test
    void graphiqlKeepsAPolicyOfItsOwnThatLetsItsPageRun() {
        web.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk()
           .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                   .contains("script-src 'self' 'unsafe-inline' https://esm.sh", "frame-ancestors 'none'"))
           .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }
}
