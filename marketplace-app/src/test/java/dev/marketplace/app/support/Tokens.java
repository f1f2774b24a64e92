package dev.marketplace.app.support;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.marketplace.api.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs test tokens the way the embedded default's development sign-in does. */
public final class Tokens {

    /** The development secret from application.yml. */
    public static final String SECRET = "marketplace-development-secret-change-me-0123456789";

    private Tokens() {
    }

    public static String forUser(String userId, Role... roles) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("marketplace-dev").subject(userId).issuedAt(now)
                .expiresAt(now.plus(1, ChronoUnit.HOURS))
                .claim("roles", Arrays.stream(roles).map(Enum::name).toList()).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                      .getTokenValue();
    }
}
