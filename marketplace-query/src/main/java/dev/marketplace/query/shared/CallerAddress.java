package dev.marketplace.query.shared;

import graphql.GraphQLContext;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the address a request came from into its GraphQL context, so resources held for anonymous callers (points in
 * time of paged searches) can be counted per address. It is the connection's address as the web server sees it,
 * which its forwarded-headers handling sets from a trusted proxy's headers.
 */
@Component
public class CallerAddress implements WebGraphQlInterceptor {

    private static final String KEY = CallerAddress.class.getName();

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null) {
            String address = remote.getAddress() == null ? remote.getHostString()
                    : remote.getAddress().getHostAddress();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, address)).build());
        }
        return chain.next(request);
    }

    /**
     * Who a request's resources are held for: the signed-in user, else the address; one key for callers without
     * a known address (requests that did not come over the web).
     */
    public static String holder(GraphQLContext context) {
        return Viewer.current().map(actor -> "user:" + actor.userId())
                     .orElseGet(() -> "address:" + context.getOrDefault(KEY, "unknown"));
    }
}
