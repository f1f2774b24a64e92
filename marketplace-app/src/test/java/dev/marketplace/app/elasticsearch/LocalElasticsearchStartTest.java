package dev.marketplace.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.elasticsearch.LocalElasticsearch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The post-processor as Spring Boot runs it, with a real node (about 10-30 s to start). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalElasticsearchStartTest {

    @Test
    void aSpringAppWithoutConfiguredUrisIsPointedAtTheSharedNode() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--spring.config.name=no-application-config")) { // the app's own config must not interfere

            assertThat(context.getEnvironment().getProperty("spring.elasticsearch.uris"))
                    .isEqualTo(LocalElasticsearch.shared().httpUri());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
