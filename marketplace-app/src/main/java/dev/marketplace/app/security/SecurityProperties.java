package dev.marketplace.app.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are checked.
 *
 * @param jwtSecret        HS256 key of the embedded default (at least 32 bytes); ignored when an issuer is set
 * @param issuerUri        a real identity provider (its JWKS is discovered); turns the development sign-in off
 * @param devTokenValidity how long a development sign-in token lives
 * @param localIssuer      the {@code iss} that embedded-default tokens carry and must carry
 * @param maxTokenLifetime the longest a token may live ({@code exp - iat}); longer ones, and tokens without
 *                         {@code exp}, are refused, so a leaked token cannot be used for long
 * @param devSignIn        what the development sign-in may issue
 */
@ConfigurationProperties("marketplace.security")
public record SecurityProperties(String jwtSecret, String issuerUri,
                                 @DefaultValue("12h") Duration devTokenValidity,
                                 @DefaultValue("marketplace-dev") String localIssuer,
                                 @DefaultValue("24h") Duration maxTokenLifetime,
                                 @DefaultValue DevSignInProperties devSignIn) {

    /** The secret application.yml ships for the embedded default; public, so never accepted off loopback. */
    public static final String DEVELOPMENT_SECRET = "marketplace-development-secret-change-me-0123456789";

    public SecurityProperties {
        boolean external = issuerUri != null && !issuerUri.isBlank();
        if (!external && (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32)) {
            throw new IllegalArgumentException(
                    "marketplace.security.jwt-secret must be at least 32 bytes for HS256 (or set issuer-uri)");
        }
        if (devTokenValidity.compareTo(maxTokenLifetime) > 0) {
            throw new IllegalArgumentException("marketplace.security.dev-token-validity (" + devTokenValidity
                    + ") exceeds max-token-lifetime (" + maxTokenLifetime + "): its tokens would be refused");
        }
    }

    public boolean usesExternalIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    public boolean usesDevelopmentSecret() {
        return !usesExternalIssuer() && DEVELOPMENT_SECRET.equals(jwtSecret);
    }

    /**
     * @param allowAdmin whether the development sign-in issues the ADMIN role; off by default, as anyone who reaches
     *                   the sign-in would otherwise be an administrator
     */
    public record DevSignInProperties(@DefaultValue("false") boolean allowAdmin) {
    }
}
