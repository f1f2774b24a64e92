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
 */
@ConfigurationProperties("marketplace.security")
public record SecurityProperties(String jwtSecret, String issuerUri,
                                 @DefaultValue("12h") Duration devTokenValidity,
                                 @DefaultValue("marketplace-dev") String localIssuer) {

    public SecurityProperties {
        boolean external = issuerUri != null && !issuerUri.isBlank();
        if (!external && (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32)) {
            throw new IllegalArgumentException(
                    "marketplace.security.jwt-secret must be at least 32 bytes for HS256 (or set issuer-uri)");
        }
    }

    public boolean usesExternalIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
