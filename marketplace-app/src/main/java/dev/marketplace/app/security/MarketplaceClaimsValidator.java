package dev.marketplace.app.security;

import dev.marketplace.api.security.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** A token must name its user ({@code sub}) and hold a {@code roles} list of known marketplace roles only. */
class MarketplaceClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REFUSED =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "unacceptable claims", null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return REFUSED;
        }
        Object roles = token.getClaims().get("roles");
        if (!(roles instanceof List<?> list) || list.isEmpty()) {
            return REFUSED;
        }
        boolean allKnown = list.stream().allMatch(r -> r instanceof String name
                && Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)));
        return allKnown ? OAuth2TokenValidatorResult.success() : REFUSED;
    }
}
