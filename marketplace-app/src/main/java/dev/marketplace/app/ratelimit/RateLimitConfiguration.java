package dev.marketplace.app.ratelimit;

import dev.marketplace.query.shared.DatabaseProduct;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where the rate-limit buckets live: in PostgreSQL when that is the database, so the limits hold across nodes;
 * in memory otherwise (the embedded default's H2 file admits one process, so there is one node). H2 also lacks the
 * {@code ON CONFLICT} clause Bucket4j's PostgreSQL store writes with.
 */
@Configuration
public class RateLimitConfiguration {

    /** Rows of buckets that would be full again are kept this much longer, then swept out. */
    static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(1);

    /** The requests GraphQL serves over HTTP, matched on the path as Spring MVC's router parses it. */
    @Bean
    public RequestMatcher graphQlRequests(GraphQlProperties graphQl) {
        return PathPatternRequestMatcher.withDefaults().matcher(graphQl.getHttp().getPath());
    }

    @Bean
    SharedBucketStore sharedBucketStore(DataSource dataSource) throws SQLException {
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = DatabaseProduct.isPostgres(connection);
        }
        if (!postgres) {
            return new SharedBucketStore(null);
        }
        PostgreSQLSelectForUpdateBasedProxyManager<String> store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(
                        dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        KEEP_FULL_BUCKETS)).build();
        return new SharedBucketStore(store);
    }

    @Bean
    RateLimitBuckets rateLimitBuckets(RateLimits limits, SharedBucketStore store, MeterRegistry registry) {
        return store.proxyManager() == null ? RateLimitBuckets.local(limits, System::nanoTime, registry)
                : RateLimitBuckets.shared(limits, store.proxyManager(), registry);
    }

    @Bean
    WebSocketRateLimit webSocketRateLimit(RateLimits limits, RateLimitBuckets buckets) {
        return new WebSocketRateLimit(limits, buckets);
    }

    /** Spring Boot's own GraphQL WebSocket handler, but one that closes a socket whose caller keeps over the limit. */
    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
                                                    HttpMessageConverters converters) {
        return new RateLimitedWebSocketHandler(handler, jsonConverter(converters),
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive());
    }

    private static HttpMessageConverter<?> jsonConverter(HttpMessageConverters converters) {
        return converters.getConverters().stream()
                .filter(c -> c instanceof GenericHttpMessageConverter<?> g
                             && g.canRead(java.util.Map.class, null, MediaType.APPLICATION_JSON))
                .findFirst().orElseThrow(() -> new IllegalStateException("No JSON converter for GraphQL WebSocket"));
    }
}
