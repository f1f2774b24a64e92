package dev.marketplace.app.security;

import dev.marketplace.api.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Development sign-in for the embedded default: pick a user id and roles, get a signed token. It exists only in the
 * embedded default (no {@code marketplace.security.issuer-uri}, loopback bind), and issues ADMIN only when
 * {@code marketplace.security.dev-sign-in.allow-admin} is true.
 */
@RestController
@Conditional(EmbeddedDefault.class)
class DevSignIn {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock = Clock.systemUTC();

    DevSignIn(SecurityProperties properties) {
        this.encoder = new NimbusJwtEncoder(
                new ImmutableSecret<>(SecurityConfiguration.hmacKey(properties.jwtSecret())));
        this.properties = properties;
    }

    @PostMapping("/dev/token")
    ResponseEntity<Map<String, Object>> token(@RequestParam String userId,
                                              @RequestParam(defaultValue = "USER") String roles,
                                              @RequestParam(required = false) String name) {
        if (!USER_ID.matcher(userId).matches()) {
            return refuse("userId must be 1-64 letters, digits or . _ @ -");
        }
        List<String> requested = Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                                       .toList();
        List<String> unknown = requested.stream()
                .filter(r -> Arrays.stream(Role.values()).noneMatch(k -> k.name().equals(r))).toList();
        if (requested.isEmpty() || !unknown.isEmpty()) {
            return refuse("roles must be a comma-separated list of " + Arrays.toString(Role.values())
                          + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        if (requested.contains(Role.ADMIN.name()) && !properties.devSignIn().allowAdmin()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
                    "the development sign-in issues ADMIN only with marketplace.security.dev-sign-in.allow-admin=true"));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(properties.devTokenValidity());
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(properties.localIssuer()).subject(userId).issuedAt(now)
                .expiresAt(expires)
                .claim("name", name == null || name.isBlank() ? userId : name.strip())
                .claim("roles", requested).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                              .getTokenValue();
        return ResponseEntity.ok(Map.of("token", token, "userId", userId, "roles", requested,
                                        "expiresAt", expires.toString()));
    }

    private static ResponseEntity<Map<String, Object>> refuse(String message) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", message));
    }
}
