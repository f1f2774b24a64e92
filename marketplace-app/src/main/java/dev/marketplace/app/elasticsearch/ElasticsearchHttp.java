package dev.marketplace.app.elasticsearch;

import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client under the Elasticsearch client, without the work Elasticsearch never asks for. Elasticsearch's
 * API keeps no state in cookies, so cookies are neither stored nor sent. And the low-level client keeps a basic-auth
 * scheme for every node in an auth cache that copies the scheme by Java serialisation on every request (4 % of a
 * catalogue search's CPU in the marketplace, BENCHMARKS.md); without user and password for Elasticsearch (a local
 * node, or an API key in a header) that cache has nothing to authenticate, so it is not consulted.
 */
@Configuration
class ElasticsearchHttp {

    @Bean
    RestClientBuilderCustomizer statelessElasticsearchRequests(ElasticsearchConnectionDetails connection) {
        boolean basicAuth = usesBasicAuth(connection);
        return new RestClientBuilderCustomizer() {
            @Override
            public void customize(RestClientBuilder builder) {
            }

            @Override
            public void customize(HttpAsyncClientBuilder builder) {
                customizeClient(builder, basicAuth);
            }
        };
    }

    static void customizeClient(HttpAsyncClientBuilder builder, boolean basicAuth) {
        builder.disableCookieManagement();
        if (!basicAuth) {
            builder.disableAuthCaching();
        }
    }

    /** Whether requests carry a user and password: set for the client, or in the user info of a node's URI. */
    static boolean usesBasicAuth(ElasticsearchConnectionDetails connection) {
        return connection.getUsername() != null
               || connection.getNodes().stream().anyMatch(node -> node.username() != null);
    }
}
