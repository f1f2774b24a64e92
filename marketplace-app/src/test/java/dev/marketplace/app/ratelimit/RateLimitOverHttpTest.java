package dev.marketplace.app.ratelimit;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.TestPackages;
import dev.marketplace.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the real filter chain: a signed-in user beyond their burst is told to come back later. */
@MarketplaceIntegrationTest
@TestPropertySource(properties = {"marketplace.rate-limit.per-user.capacity=3",
                                  "marketplace.rate-limit.per-user.per-second=0.01"})
class RateLimitOverHttpTest {

    @Autowired
    WebTestClient web;

    @Test
    void theFourthRequestInABurstIsRefusedWith429AndRetryAfter() {
        String token = Tokens.forUser("burst-user", Role.USER);
        for (int i = 0; i < 3; i++) {
            search(token).expectStatus().isOk();
        }
        // One token refills in 100 s; the three accepted requests took part of that, so at most 100 s remain.
        search(token).expectStatus().isEqualTo(429)
                     .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                             assertThat(Long.parseLong(retryAfter)).isBetween(90L, 100L))
                     .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED");
        search(Tokens.forUser("other-user", Role.USER)).expectStatus().isOk();
    }

    @Test
    void packageUploadsCountAgainstTheSameBudgetAndAreRefusedBeyondIt() {
        String token = Tokens.forUser("burst-developer", Role.DEVELOPER);
        byte[] zip = TestPackages.goodZip("rate limited");
        for (int i = 0; i < 3; i++) {
            upload(token, zip).expectStatus().isCreated();
        }
        upload(token, zip).expectStatus().isEqualTo(429)
                          .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED");
    }

    private WebTestClient.ResponseSpec upload(String token, byte[] zip) {
        return web.post().uri("/packages").contentType(MediaType.parseMediaType("application/zip"))
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(zip).exchange();
    }

    private WebTestClient.ResponseSpec search(String token) {
        return web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                  .bodyValue("{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}").exchange();
    }
}
