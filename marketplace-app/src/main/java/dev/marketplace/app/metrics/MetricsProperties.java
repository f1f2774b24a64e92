package dev.marketplace.app.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Prometheus scrapes and how fresh the sampled gauges are.
 *
 * @param port          the port of {@code /actuator/prometheus}, a connector of its own that serves nothing else
 *                      (0: any free port; the API's port never serves the metrics)
 * @param address       the address that port listens on; loopback by default, so only this host can scrape
 * @param sampleEvery   how often the gauges read from the database (processor lag, dead letters) are sampled
 * @param maxOperations distinct GraphQL operation names kept as tags; later names are counted as "other"
 */
@ConfigurationProperties("marketplace.metrics")
public record MetricsProperties(@DefaultValue("8081") int port,
                                @DefaultValue("127.0.0.1") String address,
                                @DefaultValue("5s") Duration sampleEvery,
                                @DefaultValue("100") int maxOperations) {

    public MetricsProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("marketplace.metrics.port must be 0-65535, not " + port);
        }
        if (sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException("marketplace.metrics.sample-every must be positive");
        }
    }
}
