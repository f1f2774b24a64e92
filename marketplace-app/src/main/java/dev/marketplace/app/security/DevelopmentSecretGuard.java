package dev.marketplace.app.security;

import dev.marketplace.query.shared.CursorKeys;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the marketplace from starting when it would trust a development value, which the README and
 * application.yml print, from beyond this machine: with the development JWT secret anyone could sign themselves an
 * ADMIN token; with the development cursor key anyone could forge page cursors (which name points in time and
 * positions that only the server is meant to make).
 */
@Component
class DevelopmentSecretGuard {

    DevelopmentSecretGuard(SecurityProperties properties, CursorKeys cursorKeys, Environment environment) {
        if (EmbeddedDefault.bindsLoopbackOnly(environment)) {
            return;
        }
        String address = environment.getProperty("server.address", "unset");
        if (properties.usesDevelopmentSecret()) {
            throw new IllegalStateException("Refusing to start: marketplace.security.jwt-secret is the built-in "
                    + "development secret, but server.address (" + address + ") is not a loopback address. Set "
                    + "MARKETPLACE_SECURITY_JWT_SECRET to a secret of your own, or marketplace.security.issuer-uri, "
                    + "or bind to 127.0.0.1.");
        }
        if (cursorKeys.usesDevelopmentKey()) {
            throw new IllegalStateException("Refusing to start: marketplace.security.cursor-keys holds the built-in "
                    + "development cursor key, but server.address (" + address + ") is not a loopback address. Set "
                    + "MARKETPLACE_SECURITY_CURSORKEYS_CURRENT to a key of your own (at least 32 characters, the "
                    + "same on every node), or bind to 127.0.0.1.");
        }
    }
}
