package dev.marketplace.app.elasticsearch;

import dev.marketplace.elasticsearch.LocalElasticsearch;
import dev.marketplace.elasticsearch.LocalElasticsearchException;
import dev.marketplace.elasticsearch.LocalElasticsearchOptions;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the app at a local Elasticsearch when no cluster is configured.
 *
 * <p>If {@code spring.elasticsearch.uris} is set anywhere (application.yml, environment variable,
 * command line, test properties), the app uses that cluster and nothing is started. Otherwise the
 * JVM's {@link LocalElasticsearch#shared() shared node} is started (or reused) and its address is
 * put in front of every other property source. {@code marketplace.elasticsearch.launcher.enabled=false}
 * turns this off. It runs as an {@link EnvironmentPostProcessor} because the Elasticsearch client
 * auto-configuration reads the URIs before any bean of ours could start a server.
 */
public class LocalElasticsearchEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String URIS_PROPERTY = "spring.elasticsearch.uris";
    public static final String ENABLED_PROPERTY = "marketplace.elasticsearch.launcher.enabled";
    /** How many local nodes form the cluster (1: the JVM's shared single node). */
    public static final String NODES_PROPERTY = "marketplace.elasticsearch.local.nodes";
    public static final String PROPERTY_SOURCE_NAME = "marketplaceLocalElasticsearch";

    private final Log log;
    private final BiFunction<LocalElasticsearchOptions, Integer, String> launcher;

    public LocalElasticsearchEnvironment(DeferredLogFactory logFactory) {
        this(logFactory.getLog(LocalElasticsearchEnvironment.class), (options, nodes) -> nodes == 1
                ? LocalElasticsearch.shared(options).httpUri()
                : LocalElasticsearch.sharedCluster(options, nodes).stream().map(LocalElasticsearch::httpUri)
                                    .collect(Collectors.joining(",")));
    }

    /**
     * For tests: {@code launcher} starts (or pretends to start) a cluster of the given number of nodes and returns
     * their HTTP URIs, comma-separated.
     */
    LocalElasticsearchEnvironment(Log log, BiFunction<LocalElasticsearchOptions, Integer, String> launcher) {
        this.log = log;
        this.launcher = launcher;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
            log.debug("Local Elasticsearch launcher disabled by " + ENABLED_PROPERTY);
            return;
        }
        if (urisConfigured(environment)) {
            log.debug("Using the configured Elasticsearch at " + environment.getProperty(URIS_PROPERTY));
            return;
        }
        int nodes = environment.getProperty(NODES_PROPERTY, Integer.class, 1);
        if (nodes < 1) {
            throw new LocalElasticsearchException(NODES_PROPERTY + " must be at least 1, was " + nodes);
        }
        String uri;
        try {
            uri = launcher.apply(LocalElasticsearchOptions.from(environment::getProperty), nodes);
        } catch (LocalElasticsearchException e) {
            throw new LocalElasticsearchException("No " + URIS_PROPERTY + " is configured, so a local Elasticsearch"
                    + " was started and failed (set " + URIS_PROPERTY + " to use an existing cluster, or "
                    + ENABLED_PROPERTY + "=false): " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(URIS_PROPERTY, uri)));
        log.info("No " + URIS_PROPERTY + " configured: using local Elasticsearch at " + uri);
    }

    /** Also sees the indexed form a YAML list produces ({@code spring.elasticsearch.uris[0]}). */
    private static boolean urisConfigured(ConfigurableEnvironment environment) {
        return environment.containsProperty(URIS_PROPERTY)
                || Binder.get(environment).bind(URIS_PROPERTY, Bindable.listOf(String.class))
                        .map(List::isEmpty).map(empty -> !empty).orElse(false);
    }

    /** After config data (application.yml, profiles) is loaded, so explicit URIs are visible. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
