package dev.marketplace.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.elasticsearch.LocalElasticsearchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The post-processor decides whether to start a node; a fake launcher records whether it was asked. */
class LocalElasticsearchEnvironmentTest {

    private final List<LocalElasticsearchOptions> launches = new ArrayList<>();
    private final List<Integer> clusterSizes = new ArrayList<>();
    private final LocalElasticsearchEnvironment postProcessor = new LocalElasticsearchEnvironment(
            LogFactory.getLog(getClass()), (options, nodes) -> {
                launches.add(options);
                clusterSizes.add(nodes);
                return nodes == 1 ? "http://127.0.0.1:65000" : "http://127.0.0.1:65000,http://127.0.0.1:65001";
            });

    @Test
    void explicitUrisAreLeftAloneAndNothingStarts() {
        StandardEnvironment environment = environmentWith(Map.of("spring.elasticsearch.uris", "http://search.example:9200"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertLeftAlone(environment, "spring.elasticsearch.uris", "http://search.example:9200");
    }

    @Test
    void urisGivenAsYamlListAreLeftAloneAndNothingStarts() {
        StandardEnvironment environment = environmentWith(Map.of(
                "spring.elasticsearch.uris[0]", "http://a.example:9200", "spring.elasticsearch.uris[1]", "http://b.example:9200"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertLeftAlone(environment, "spring.elasticsearch.uris[0]", "http://a.example:9200");
    }

    @Test
    void withoutUrisTheLocalNodeIsUsedAheadOfEverythingElse() {
        StandardEnvironment environment = environmentWith(Map.of(
                LocalElasticsearchOptions.DISTRIBUTION_PROPERTY, "/opt/es/elasticsearch-9.5.3.zip",
                LocalElasticsearchOptions.HEAP_PROPERTY, "768m"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.elasticsearch.uris")).isEqualTo("http://127.0.0.1:65000");
        PropertySource<?> first = environment.getPropertySources().iterator().next();
        assertThat(first.getName()).isEqualTo(LocalElasticsearchEnvironment.PROPERTY_SOURCE_NAME);
        assertThat(clusterSizes).as("one node unless " + LocalElasticsearchEnvironment.NODES_PROPERTY + " says more")
                                .containsExactly(1);
        assertThat(launches).singleElement().satisfies(options -> {
            assertThat(options.distribution()).hasToString("/opt/es/elasticsearch-9.5.3.zip");
            assertThat(options.version()).isEqualTo("9.5.3");
            assertThat(options.heap()).isEqualTo("768m");
        });
    }

    @Test
    void aClusterSizeStartsThatManyNodesAndListsThemAll() {
        StandardEnvironment environment = environmentWith(Map.of(LocalElasticsearchEnvironment.NODES_PROPERTY, "2"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(clusterSizes).containsExactly(2);
        assertThat(environment.getProperty("spring.elasticsearch.uris"))
                .isEqualTo("http://127.0.0.1:65000,http://127.0.0.1:65001");
    }

    @Test
    void aClusterOfNoNodesIsRefusedByName() {
        StandardEnvironment environment = environmentWith(Map.of(LocalElasticsearchEnvironment.NODES_PROPERTY, "0"));

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining(LocalElasticsearchEnvironment.NODES_PROPERTY);
        assertThat(launches).isEmpty();
    }

    @Test
    void disabledLauncherStartsNothing() {
        StandardEnvironment environment = environmentWith(Map.of(LocalElasticsearchEnvironment.ENABLED_PROPERTY, "false"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty("spring.elasticsearch.uris")).isFalse();
        assertThat(launches).isEmpty();
    }

    @Test
    void springBootFindsAndCreatesThePostProcessor() {
        List<EnvironmentPostProcessor> loaded = SpringFactoriesLoader.forDefaultResourceLocation().load(
                EnvironmentPostProcessor.class,
                ArgumentResolver.of(DeferredLogFactory.class, new DeferredLogs()),
                FailureHandler.handleMessage((message, failure) -> { })); // Boot's own ones need more arguments

        assertThat(loaded).hasAtLeastOneElementOfType(LocalElasticsearchEnvironment.class);
    }

    /** {@code property} still says {@code uri}, and no local node was started or put in front of it. */
    private void assertLeftAlone(StandardEnvironment environment, String property, String uri) {
        assertThat(environment.getProperty(property)).isEqualTo(uri);
        assertThat(environment.getPropertySources().contains(LocalElasticsearchEnvironment.PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(launches).isEmpty();
    }

    private static StandardEnvironment environmentWith(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
