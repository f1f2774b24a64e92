package dev.marketplace.app.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses GraphQL requests (queries, mutations and searches alike) beyond a caller's rate with 429 and a
 * Retry-After header. It runs after authentication, so a signed-in user is limited by user id and by address,
 * an anonymous caller by address. Buckets live per node: with N nodes behind a balancer the effective limit is up
 * to N times higher, which keeps the check free of a shared store.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_TRACKED_CALLERS = 100_000;

    private final RateLimits limits;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/graphql")
               || "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.UPGRADE) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = nanoClock.getAsLong();
        prune(now);
        TokenBucket address = buckets.computeIfAbsent("address:" + request.getRemoteAddr(),
                                                      k -> new TokenBucket(limits.perAddress(), now));
        Duration wait = address.tryTake(now);
        String user = signedInUser();
        if (wait.isZero() && user != null) {
            wait = buckets.computeIfAbsent("user:" + user, k -> new TokenBucket(limits.perUser(), now)).tryTake(now);
            if (!wait.isZero()) {
                address.giveBack();
            }
        }
        if (wait.isZero()) {
            chain.doFilter(request, response);
        } else {
            refuse(response, wait);
        }
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
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

    /** Forgets callers whose buckets are full again, so the map cannot grow without bound. */
    private void prune(long now) {
        if (buckets.size() > MAX_TRACKED_CALLERS) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
    }
}
