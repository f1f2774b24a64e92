package dev.marketplace.app.apikeys;

import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request made with an API key: it acts as the key's owner, in the roles the key was given (never REVIEWER or
 * ADMIN), and only within its scopes ({@link ApiKeyScopeInstrumentation} on GraphQL, the security configuration on
 * {@code /packages}).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key, Set<String> roles) {
        super(Stream.concat(roles.stream().map(role -> "ROLE_" + role),
                            key.scopes().stream().map(scope -> "SCOPE_" + scope.name()))
                    .map(SimpleGrantedAuthority::new).toList());
        this.key = key;
        setAuthenticated(true);
    }

    public boolean allows(ApiKeyScope scope) {
        return key.scopes().contains(scope);
    }

    Set<ApiKeyScope> scopes() {
        return key.scopes();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.ownerId();
    }

    @Override
    public String getName() {
        return key.ownerId();
    }
}
