package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembered tokens save verifying the signature again, never a check: expiry still applies on every use, a token
 * is verified afresh after a while, a token whose text differs is verified on its own, and memory stays bounded.
 */
class RecentTokensTest {

    private final Instant start = Instant.parse("2026-12-05T10:00:00Z");
    private final MovableClock clock = new MovableClock(start);
    private final AtomicInteger verifications = new AtomicInteger();
    /** Tokens the issuer stands behind; others fail verification, as a forged signature would. */
    private final Set<String> signed = new HashSet<>(Set.of("token-a", "token-b"));
    private final JwtTimestampValidator timestamps = timestamps();
    /** Verifies and then validates, as Nimbus does; its tokens expire three minutes after the start. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!signed.contains(token)) {
            throw new BadJwtException("signature does not verify");
        }
        Jwt jwt = jwt(token, start.plus(Duration.ofMinutes(3)));
        if (timestamps.validate(jwt).hasErrors()) {
            throw new JwtValidationException("expired", timestamps.validate(jwt).getErrors());
        }
        return jwt;
    };
    private final RecentTokens tokens = new RecentTokens(verifier, timestamps, clock);

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verifications.get()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        tokens.decode("token-a");
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("user");

        // Four minutes after it was verified, within the time it is remembered, but past its expiry.
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("no longer valid");
        assertThat(verifications.get()).isEqualTo(1);
    }

    @Test
    void aTokenIsVerifiedAfreshAfterAWhileAndRefusedIfItsKeyWasWithdrawn() {
        clock.advance(Duration.ofMinutes(-RecentTokens.REVERIFY_AFTER_MINUTES));
        tokens.decode("token-a");
        clock.advance(Duration.ofMinutes(RecentTokens.REVERIFY_AFTER_MINUTES).minusSeconds(1));
        tokens.decode("token-a");
        assertThat(verifications.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        signed.remove("token-a");
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signature");
        assertThat(verifications.get()).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithOtherTextIsVerifiedOnItsOwn() {
        tokens.decode("token-a");

        assertThatThrownBy(() -> tokens.decode("token-a-forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("token-a-forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications.get()).isEqualTo(3);
    }

    @Test
    void anOverlongTokenIsVerifiedEachTimeAndNotRemembered() {
        String longToken = "token-" + "x".repeat(RecentTokens.MAX_REMEMBERED_LENGTH);
        signed.add(longToken);

        tokens.decode(longToken);
        tokens.decode(longToken);

        assertThat(verifications.get()).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void overARealDecoderTheSignatureIsCheckedAndTheValidatorApplied() {
        String secret = "recent-tokens-test-secret-of-at-least-32-bytes";
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(SecurityConfiguration.hmacKey(secret))
                                                  .macAlgorithm(MacAlgorithm.HS256).build();
        RecentTokens real = RecentTokens.over(nimbus, timestamps, clock);
        String token = sign(secret, start.plus(Duration.ofMinutes(3)));

        assertThat(real.decode(token).getSubject()).isEqualTo("user");
        assertThatThrownBy(() -> real.decode(sign("another-secret-that-is-at-least-32-bytes!", start.plusSeconds(60))))
                .isInstanceOf(BadJwtException.class);
        // Nimbus applies the same validator: a token already expired is refused without ever being remembered.
        assertThatThrownBy(() -> real.decode(sign(secret, start.minusSeconds(60))))
                .isInstanceOf(JwtValidationException.class);
        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> real.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    private String sign(String secret, Instant expires) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(SecurityConfiguration.hmacKey(secret)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().subject("user").issuedAt(start.minusSeconds(600)).expiresAt(expires).build()))
                .getTokenValue();
    }

    @Test
    void atMostTheBoundIsRemembered() {
        for (int i = 0; i <= RecentTokens.MAX_TOKENS; i++) {
            signed.add("token-" + i);
            tokens.decode("token-" + i);
        }

        assertThat(tokens.size()).isBetween(1, RecentTokens.MAX_TOKENS);
    }

    @Test
    void tokensDueForVerifyingAfreshAreSweptOutAfterAWhile() {
        RecentTokens lasting = new RecentTokens(token -> jwt(token, start.plus(Duration.ofHours(1))), timestamps, clock);
        lasting.decode("early-1");
        lasting.decode("early-2");
        clock.advance(Duration.ofMinutes(RecentTokens.REVERIFY_AFTER_MINUTES).plusSeconds(1));

        lasting.decode("later");

        assertThat(lasting.size()).isEqualTo(1);
    }

    @Test
    void aFullMemoryForgetsItsStaleTokensFirstAndKeepsTheFreshOnes() {
        RecentTokens lasting = new RecentTokens(token -> jwt(token, start.plus(Duration.ofHours(1))), timestamps, clock);
        int half = RecentTokens.MAX_TOKENS / 2;
        for (int i = 0; i < half; i++) {
            lasting.decode("old-" + i);
        }
        clock.advance(Duration.ofMinutes(RecentTokens.REVERIFY_AFTER_MINUTES - 1));
        for (int i = 0; i < RecentTokens.MAX_TOKENS - half; i++) {
            lasting.decode("new-" + i);
        }
        clock.advance(Duration.ofMinutes(2));

        lasting.decode("newest");

        assertThat(lasting.size()).isEqualTo(RecentTokens.MAX_TOKENS - half + 1);
    }

    private JwtTimestampValidator timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    private Jwt jwt(String token, Instant expires) {
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("user").issuedAt(start)
                  .expiresAt(expires).build();
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
