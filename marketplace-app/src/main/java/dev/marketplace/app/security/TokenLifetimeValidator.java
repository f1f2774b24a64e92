package dev.marketplace.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must expire ({@code exp}) and live at most {@code maxLifetime}: {@code exp - iat} when it says when it was
 * issued, and in any case {@code exp - now}. The second rule covers a token without {@code iat} (accepted only once its
 * expiry is at most {@code maxLifetime} away, so it is never usable for longer) and one whose {@code iat} lies in the
 * future (a short stated lifetime that would otherwise hide a far expiry).
 */
record TokenLifetimeValidator(Duration maxLifetime, Clock clock) implements OAuth2TokenValidator<Jwt> {

    /** The clock skew Spring's timestamp validator allows, allowed here too. */
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final OAuth2TokenValidatorResult REFUSED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error("invalid_token", "no expiry, or a lifetime beyond the maximum", null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expires = token.getExpiresAt();
        if (expires == null) {
            return REFUSED;
        }
        Instant issued = token.getIssuedAt();
        if (issued != null && Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
            return REFUSED;
        }
        boolean tooFarAhead = Duration.between(clock.instant(), expires).compareTo(maxLifetime.plus(SKEW)) > 0;
        return tooFarAhead ? REFUSED : OAuth2TokenValidatorResult.success();
    }
}
