package dev.marketplace.app.elasticsearch;

import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Authenticates to a managed Elasticsearch cluster with an API key. Spring Boot 3.5 offers only
 * {@code spring.elasticsearch.username}/{@code password}; the key set in {@code marketplace.elasticsearch.api-key}
 * (the base64 "encoded" value Elasticsearch returns when it creates a key) goes into every request as
 * {@code Authorization: ApiKey <key>}.
 */
@Configuration
@ConditionalOnProperty("marketplace.elasticsearch.api-key")
class ElasticsearchApiKey {

    @Bean
    RestClientBuilderCustomizer apiKeyHeader(ElasticsearchProperties elasticsearch,
                                             Environment environment) {
        String key = environment.getProperty("marketplace.elasticsearch.api-key", "").trim();
        if (key.isEmpty()) {
            throw new IllegalStateException("marketplace.elasticsearch.api-key is set but empty");
        }
        if (elasticsearch.getUsername() != null) {
            throw new IllegalStateException("Both marketplace.elasticsearch.api-key and spring.elasticsearch.username"
                    + " are set; an Elasticsearch client authenticates one way, so set only one of them");
        }
        return builder -> builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key)});
    }
}
