package dev.marketplace.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole marketplace on a random loopback port, on a fresh PostgreSQL database and the shared local
 * Elasticsearch of this test run, with a {@link Marketplace} client to autowire. Every request of the tests comes from 127.0.0.1 and from a handful of users, far
 * faster than people click, so the request rate limits and the open searches per caller are set out of their reach
 * here; the limits themselves are tested in {@code ratelimit} and {@code privacy} with settings of their own, which
 * take precedence over these. Metrics are exported as in production (Spring's tests leave only an in-memory
 * registry otherwise), so {@code /actuator/prometheus} answers on the metrics port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "marketplace.rate-limit.per-user.capacity=100000", "marketplace.rate-limit.per-user.per-second=100000",
        "marketplace.rate-limit.per-address.capacity=100000", "marketplace.rate-limit.per-address.per-second=100000",
        "marketplace.catalogue.open-searches.per-caller=100000"})
@AutoConfigureHttpGraphQlTester
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@Import(MarketplaceClients.class)
public @interface MarketplaceIntegrationTest {
}
