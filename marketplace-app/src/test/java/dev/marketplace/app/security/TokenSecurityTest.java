package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every kind of bad bearer token is refused with a bare 401, and no token or secret reaches the logs. */
@MarketplaceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TokenSecurityTest {

    static final String QUERY = "{\"query\":\"{ suggest(prefix: \\\"a\\\") }\"}";

    @Autowired
    WebTestClient web;

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", sign(Tokens.SECRET, c -> c.issuedAt(now.minusSeconds(7200))
                                                                 .expiresAt(now.minusSeconds(3600)))),
                Arguments.of("not yet valid", sign(Tokens.SECRET, c -> c.notBefore(now.plusSeconds(3600)))),
                Arguments.of("wrong signature", sign("another-secret-of-at-least-thirty-two-bytes!!", c -> c)),
                Arguments.of("alg none", unsigned()),
                Arguments.of("wrong issuer", sign(Tokens.SECRET, c -> c.issuer("https://evil.example"))),
                Arguments.of("no issuer", sign(Tokens.SECRET, c -> c.claims(m -> m.remove("iss")))),
                Arguments.of("missing roles", sign(Tokens.SECRET, c -> c.claims(m -> m.remove("roles")))),
                Arguments.of("empty roles", sign(Tokens.SECRET, c -> c.claim("roles", List.of()))),
                Arguments.of("unknown role", sign(Tokens.SECRET, c -> c.claim("roles", List.of("USER", "ROOT")))),
                Arguments.of("no subject", sign(Tokens.SECRET, c -> c.claims(m -> m.remove("sub")))),
                Arguments.of("garbage", "not.a.token"),
                Arguments.of("no expiry", sign(Tokens.SECRET, c -> c.claims(m -> m.remove("exp")))),
                Arguments.of("living 25 h", sign(Tokens.SECRET, c -> c.expiresAt(now.plus(Duration.ofHours(25))))),
                Arguments.of("no iat, expiring in 25 h", sign(Tokens.SECRET, c -> c.claims(m -> m.remove("iat"))
                                                                                .expiresAt(now.plus(Duration.ofHours(25))))),
                Arguments.of("issued in a year, living 1 h", sign(Tokens.SECRET, c ->
                        c.issuedAt(now.plus(Duration.ofDays(365))).expiresAt(now.plus(Duration.ofDays(365)).plusSeconds(3600)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aBadTokenIsRefusedWithABare401(String kind, String token, CapturedOutput output) {
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
           .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(QUERY).exchange()
           .expectStatus().isUnauthorized()
           .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
           .expectBody().isEmpty();

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(Tokens.SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedLifetimes")
    void aTokenWithinTheMaximumLifetimeIsServed(String kind, String token) {
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
           .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(QUERY).exchange()
           .expectStatus().isOk().expectBody().jsonPath("$.data.suggest").isArray();
    }

    static Stream<Arguments> acceptedLifetimes() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("living 23 h", sign(Tokens.SECRET, c -> c.expiresAt(now.plus(Duration.ofHours(23))))),
                Arguments.of("no iat, expiring in 10 min", sign(Tokens.SECRET, c -> c.claims(m -> m.remove("iat")))));
    }

    @Test
    void aGoodTokenAndNoTokenAreBothServedAndTheTokenIsNotLogged(CapturedOutput output) {
        String token = sign(Tokens.SECRET, c -> c);
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
           .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(QUERY).exchange()
           .expectStatus().isOk().expectBody().jsonPath("$.data.suggest").isArray();
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
           .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
           .bodyValue("{\"query\":\"mutation { delistMiniProgram(id: \\\"missing\\\") { id } }\"}").exchange()
           .expectStatus().isOk().expectBody().jsonPath("$.errors[0].extensions.code").isNotEmpty();
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(Tokens.SECRET);
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
           .expectStatus().isOk().expectBody().jsonPath("$.data.suggest").isArray();
    }

    /** A valid development token for "user-t", changed by {@code change}. */
    static String sign(String secret, UnaryOperator<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("marketplace-dev").subject("user-t")
                .issuedAt(now).expiresAt(now.plusSeconds(600)).claim("roles", List.of("USER"));
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                                                        change.apply(claims).build())).getTokenValue();
    }

    private static String unsigned() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String payload = base64.encodeToString(("{\"iss\":\"marketplace-dev\",\"sub\":\"admin\",\"roles\":[\"ADMIN\"],"
                                                + "\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

}
