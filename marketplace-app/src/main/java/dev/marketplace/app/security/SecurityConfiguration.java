package dev.marketplace.app.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.marketplace.app.apikeys.ApiKeyAuthentication;
import dev.marketplace.app.apikeys.ApiKeyAuthenticationProvider;
import dev.marketplace.app.apikeys.ApiKeyScope;
import dev.marketplace.app.ratelimit.RateLimitBuckets;
import dev.marketplace.app.ratelimit.RateLimitFilter;
import dev.marketplace.app.ratelimit.RateLimits;
import dev.marketplace.app.ratelimit.RequestSizeLimitFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Stateless bearer tokens. The HTTP layer only authenticates: a request without a token is anonymous and may
 * read the catalogue; what each user may do is decided by the GraphQL layer and, for commands, by the aggregates.
 * A token that is present but invalid is refused with 401. A bearer token may also be an API key
 * ({@code mpk_...}, {@link ApiKeyAuthenticationProvider}), held to its scopes here for {@code /packages} and by
 * {@code ApiKeyScopeInstrumentation} on GraphQL.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, RateLimits limits, RateLimitBuckets buckets,
                            RequestMatcher graphQlRequests, JwtDecoder jwtDecoder,
                            ApiKeyAuthenticationProvider apiKeys) throws Exception {
        JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(jwtDecoder);
        jwts.setJwtAuthenticationConverter(rolesFromClaim());
        ProviderManager bearerTokens = new ProviderManager(apiKeys, jwts);
        return http
                .addFilterBefore(new RequestSizeLimitFilter(limits.maxRequestBytes(), graphQlRequests),
                                 BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits, buckets, rateLimited(graphQlRequests)),
                                AuthorizationFilter.class)
                .headers(BrowserHeaders::apply)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/packages", "/packages/**")
                        .access(keyScope(ApiKeyScope.UPLOAD_PACKAGE))
                        .requestMatchers(HttpMethod.GET, "/packages/**").access(keyScope(ApiKeyScope.READ))
                        .anyRequest().permitAll())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.authenticationManager(bearerTokens))
                                            .authenticationEntryPoint(SecurityConfiguration::refuseToken))
                .build();
    }

    /**
     * Requests with an API key need {@code scope}; any other caller passes here, and the endpoint decides by role and
     * ownership as for everyone.
     */
    private static AuthorizationManager<RequestAuthorizationContext> keyScope(ApiKeyScope scope) {
        return (authentication, context) -> new AuthorizationDecision(
                !(authentication.get() instanceof ApiKeyAuthentication key) || key.allows(scope));
    }

    /**
     * GraphQL requests and package uploads count against the caller's rate. The GraphQL body limit applies to
     * GraphQL only: an upload's limit is the package limit, which the upload enforces while it reads the body.
     */
    private static RequestMatcher rateLimited(RequestMatcher graphQlRequests) {
        return new OrRequestMatcher(graphQlRequests,
                                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/packages"));
    }

    /**
     * Spring Security would observe its filter chain filter by filter, each authentication and each authorization
     * (of requests and of secured methods): 4 % of a catalogue search's CPU and 8 % of a command's on the request
     * thread (BENCHMARKS.md). The request itself stays observed ({@code http.server.requests}), and so does GraphQL
     * ({@code graphql.request}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every token must be signed as configured, current ({@code exp}, {@code nbf}), from the expected issuer and
     * name a user and at least one known role, and expire within {@code max-token-lifetime}; anything else is
     * refused with 401.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder;
        String issuer;
        if (properties.usesExternalIssuer()) {
            decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            issuer = properties.issuerUri();
        } else {
            decoder = NimbusJwtDecoder.withSecretKey(hmacKey(properties.jwtSecret())).macAlgorithm(MacAlgorithm.HS256)
                                      .build();
            issuer = properties.localIssuer();
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new MarketplaceClaimsValidator(),
                new TokenLifetimeValidator(properties.maxTokenLifetime(), Clock.systemUTC()));
        return RecentTokens.over(decoder, validator, Clock.systemUTC());
    }

    /** A refused token learns only that it was refused: no reason that would help forge the next one. */
    private static void refuseToken(HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException refused) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    /** {@code sub} is the user id; the {@code roles} claim lists USER, DEVELOPER, REVIEWER, ADMIN. */
    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    static SecretKey hmacKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
