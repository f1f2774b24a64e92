package dev.marketplace.app.ratelimit;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Counts every operation sent over a GraphQL WebSocket against the same buckets as HTTP requests (the socket's
 * handshake was counted as one by {@link RateLimitFilter}). An operation over the limit is answered with a
 * RATE_LIMITED error instead of running; after {@value #REFUSALS_BEFORE_CLOSE} refusals in a row the socket is
 * marked, and {@link RateLimitedWebSocketHandler} closes it with 4429.
 */
public record WebSocketRateLimit(RateLimits limits, RateLimitBuckets buckets) implements WebGraphQlInterceptor {

    static final int REFUSALS_BEFORE_CLOSE = 3;
    static final String REFUSALS = WebSocketRateLimit.class.getName() + ".refusals";
    static final String CLOSE = WebSocketRateLimit.class.getName() + ".close";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!limits.enabled() || !(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        WebSocketSessionInfo session = socket.getSessionInfo();
        return session.getPrincipal().map(WebSocketRateLimit::user).defaultIfEmpty("")
                      .flatMap(user -> admit(request, chain, session, user.isEmpty() ? null : user));
    }

    private Mono<WebGraphQlResponse> admit(WebGraphQlRequest request, Chain chain, WebSocketSessionInfo session,
                                           String user) {
        Duration wait = buckets.tryTake(address(session), user);
        AtomicInteger refusals = (AtomicInteger) session.getAttributes()
                .computeIfAbsent(REFUSALS, k -> new AtomicInteger());
        if (wait.isZero()) {
            refusals.set(0);
            return chain.next(request);
        }
        if (refusals.incrementAndGet() >= REFUSALS_BEFORE_CLOSE) {
            session.getAttributes().put(CLOSE, Boolean.TRUE);
        }
        long seconds = RateLimitFilter.retryAfterSeconds(wait);
        ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .message("Too many requests; retry after %d s.", seconds)
                .errorType(ErrorClassification.errorClassification("TOO_MANY_REQUESTS"))
                .extensions(Map.of("code", "RATE_LIMITED", "retryAfterSeconds", seconds)).build()).build();
        return Mono.just(new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
    }

    private static String address(WebSocketSessionInfo session) {
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** The user the handshake authenticated, or "" when it was anonymous. */
    private static String user(Principal principal) {
        return principal instanceof AnonymousAuthenticationToken ? "" : principal.getName();
    }
}
