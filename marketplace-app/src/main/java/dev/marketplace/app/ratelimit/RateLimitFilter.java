package dev.marketplace.app.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses GraphQL requests (queries, mutations, searches, server-sent-event subscriptions and WebSocket handshakes
 * alike) beyond a caller's rate with 429 and a Retry-After header. It runs after authentication, so a signed-in user
 * is limited by user id and by address, an anonymous caller by address. Which requests are GraphQL's is decided by
 * {@code graphQl}, matched as the router matches, whatever the spelling of the path. Operations sent over an open
 * WebSocket are counted by {@link WebSocketRateLimit}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final RateLimitBuckets buckets;
    private final RequestMatcher graphQl;

    public RateLimitFilter(RateLimits limits, RateLimitBuckets buckets, RequestMatcher graphQl) {
        this.limits = limits;
        this.buckets = buckets;
        this.graphQl = graphQl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !graphQl.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = buckets.tryTake(request.getRemoteAddr(), signedInUser());
        if (wait.isZero()) {
            chain.doFilter(request, response);
        } else {
            refuse(response, wait);
        }
    }

    /** Whole seconds to wait before a refused caller has room again, at least one. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = retryAfterSeconds(wait);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"errors\":[{\"message\":\"Too many requests; retry after " + seconds
                + " s.\",\"extensions\":{\"classification\":\"TOO_MANY_REQUESTS\",\"code\":\"RATE_LIMITED\"}}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String signedInUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? null : auth.getName();
    }
}
