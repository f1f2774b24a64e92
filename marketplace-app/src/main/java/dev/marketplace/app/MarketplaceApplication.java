package dev.marketplace.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The marketplace: write side, read side and the GraphQL API in one deployable. */
@SpringBootApplication(scanBasePackages = "dev.marketplace")
@ConfigurationPropertiesScan("dev.marketplace")
public class MarketplaceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketplaceApplication.class, args);
    }
}
