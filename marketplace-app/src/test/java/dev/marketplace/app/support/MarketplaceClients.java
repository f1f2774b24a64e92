package dev.marketplace.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The clients of an integration test: {@link Marketplace} over its HTTP GraphQL tester, and {@link RawGraphQl}. */
@TestConfiguration(proxyBeanMethods = false)
class MarketplaceClients {

    @Bean
    Marketplace marketplace(HttpGraphQlTester graphQl) {
        return new Marketplace(graphQl);
    }

    @Bean
    RawGraphQl rawGraphQl(WebTestClient web, JdbcTemplate jdbc) {
        return new RawGraphQl(web, jdbc);
    }
}
