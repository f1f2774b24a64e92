package dev.marketplace.app.support;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test of the running marketplace that sets its scene through the public API, with the {@link Marketplace}
 * client that {@link MarketplaceIntegrationTest} provides.
 */
public abstract class MarketplaceClientTest {

    @Autowired
    protected Marketplace marketplace;
}
