package dev.marketplace.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decodes bearer tokens, remembering the ones whose signature it has recently verified. A client sends the same
 * token with every request until it expires, and parsing it and checking its signature cost a command up to a
 * twentieth of its CPU (BENCHMARKS.md). What is remembered is keyed by the token's exact text, so a remembered
 * token is one whose signature did verify, and each use is validated again (expiry, not-before, issuer, claims) with
 * the decoder's own validator: a remembered token expires exactly when it would have otherwise. A token is verified
 * afresh after {@value #REVERIFY_AFTER_MINUTES} minutes, so a signing key the issuer withdraws stops being accepted
 * within that time plus however long the decoder itself keeps the issuer's key set. Bounded: at most
 * {@value #MAX_TOKENS} tokens of at most {@value #MAX_REMEMBERED_LENGTH} characters, held in a Caffeine cache that
 * forgets each token when it is due for verifying afresh and evicts the least useful ones when full, so a client
 * that signs a token per request cannot push out the tokens in steady use. A token that no longer passes (expired,
 * say) is forgotten at once.
 */
final class RecentTokens implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;
    static final long REVERIFY_AFTER_MINUTES = 5;
    static final int MAX_REMEMBERED_LENGTH = 2048;
    private static final Duration REVERIFY_AFTER = Duration.ofMinutes(REVERIFY_AFTER_MINUTES);

    private record Verified(Jwt jwt, Instant at) {

        /** Whether this verification is too old to be relied on at {@code now}, and the token is verified afresh. */
        boolean dueAgain(Instant now) {
            return !at.plus(REVERIFY_AFTER).isAfter(now);
        }
    }

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /** {@code validator} must be the one {@code decoder} applies, so a remembered token passes only what it would. */
    RecentTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.clock = clock;
        // Timed by the same clock as the validation; maintenance on the calling thread keeps the bound exact.
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(REVERIFY_AFTER)
                .ticker(() -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant())).executor(Runnable::run)
                .build();
    }

    /** Remembers what {@code decoder} verifies, after making {@code validator} the one it applies. */
    static RecentTokens over(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        decoder.setJwtValidator(validator);
        return new RecentTokens(decoder, validator, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = token == null ? null : verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && !known.dueAgain(now)) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (!result.hasErrors()) {
                return known.jwt();
            }
            verified.invalidate(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException refused) {
            if (known != null) {
                verified.invalidate(token);
            }
            throw refused;
        }
        if (token.length() <= MAX_REMEMBERED_LENGTH) {
            verified.put(token, new Verified(jwt, now));
        }
        return jwt;
    }

    int size() {
        verified.cleanUp();
        return (int) verified.estimatedSize();
    }
}
