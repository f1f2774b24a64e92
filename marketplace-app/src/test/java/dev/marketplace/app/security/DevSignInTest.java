package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.support.MarketplaceIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Over HTTP: the development sign-in issues ordinary roles, and ADMIN only when the flag allows it. */
@MarketplaceIntegrationTest
class DevSignInTest {

    @Autowired
    WebTestClient web;

    @Test
    void adminIsRefusedWithoutTheFlagWhileOtherRolesAreIssued() {
        signIn("ADMIN").expectStatus().isForbidden()
                       .expectBody().jsonPath("$.error").value(m -> assertThat(m.toString()).contains("allow-admin"))
                       .jsonPath("$.token").doesNotExist();
        signIn("USER,ADMIN").expectStatus().isForbidden();
        signIn("DEVELOPER,REVIEWER").expectStatus().isOk().expectBody().jsonPath("$.token").isNotEmpty();
    }

    @Test
    void theFlagLetsTheSignInIssueAdmin() {
        SecurityProperties allowed = new SecurityProperties(SecurityProperties.DEVELOPMENT_SECRET, null,
                Duration.ofHours(1), "marketplace-dev", Duration.ofHours(24),
                new SecurityProperties.DevSignInProperties(true));
        assertThat(new DevSignIn(allowed).token("root", "ADMIN", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private WebTestClient.ResponseSpec signIn(String roles) {
        return web.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                  .body(BodyInserters.fromFormData("userId", "someone").with("roles", roles)).exchange();
    }
}
