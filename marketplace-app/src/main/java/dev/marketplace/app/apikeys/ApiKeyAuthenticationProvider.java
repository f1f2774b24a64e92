package dev.marketplace.app.apikeys;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * {@code Authorization: Bearer mpk_...}: an API key instead of a token. Any other bearer token is left to the JWT
 * provider after this one; a key that is unknown, wrong, revoked or expired is refused like a bad token (401).
 */
@Component
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;

    ApiKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!ApiKeys.looksLikeKey(token)) {
            return null;
        }
        return keys.authenticate(token).map(k -> new ApiKeyAuthentication(k.key(), k.roles()))
                   .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
