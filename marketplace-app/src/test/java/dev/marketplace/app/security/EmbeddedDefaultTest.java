package dev.marketplace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.query.shared.CursorKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The development secret and sign-in belong to the embedded default only: the marketplace refuses to start with the
 * development secret or cursor key on a non-loopback bind, and the sign-in does not exist off loopback or with an
 * issuer.
 */
class EmbeddedDefaultTest {

    static final String OWN_SECRET = "marketplace.security.jwt-secret=a-secret-of-our-own-at-least-32-bytes-long";
    static final String DEVELOPMENT_SECRET = "marketplace.security.jwt-secret=" + SecurityProperties.DEVELOPMENT_SECRET;
    static final String CURSOR_KEY = "marketplace.security.cursor-keys.current=";
    static final String OWN_CURSOR_KEY = CURSOR_KEY + "a-cursor-key-of-our-own-at-least-32-bytes-long";
    static final String DEVELOPMENT_CURSOR_KEY = CURSOR_KEY + CursorKeys.DEVELOPMENT_KEY;

    @Configuration
    @EnableConfigurationProperties({SecurityProperties.class, CursorKeys.class})
    @Import({DevelopmentSecretGuard.class, DevSignIn.class})
    static class EdgeOnly {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(EdgeOnly.class)
                                                                          .withPropertyValues(OWN_CURSOR_KEY);

    @Test
    void theDevelopmentSecretOnAPublicAddressStopsStartUpWithAClearMessage() {
        for (String address : new String[] {"server.address=0.0.0.0", "server.address=192.0.2.10", "unset=x"}) {
            runner.withPropertyValues(DEVELOPMENT_SECRET, address).run(context -> {
                assertThat(context).as(address).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("built-in development secret")
                        .hasMessageContaining("not a loopback address");
            });
        }
    }

    @Test
    void theDevelopmentCursorKeyOnAPublicAddressStopsStartUpWithAClearMessage() {
        for (String keys : new String[] {DEVELOPMENT_CURSOR_KEY,
                "marketplace.security.cursor-keys.previous[0]=" + CursorKeys.DEVELOPMENT_KEY}) {
            runner.withPropertyValues(OWN_SECRET, keys, "server.address=0.0.0.0").run(context -> {
                assertThat(context).as(keys).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("development cursor key")
                        .hasMessageContaining("MARKETPLACE_SECURITY_CURSORKEYS_CURRENT");
            });
        }
    }

    @Test
    void theDevelopmentCursorKeyOnLoopbackStarts() {
        runner.withPropertyValues(DEVELOPMENT_SECRET, DEVELOPMENT_CURSOR_KEY, "server.address=127.0.0.1")
              .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theDevelopmentSecretOnLoopbackStartsWithTheSignIn() {
        runner.withPropertyValues(DEVELOPMENT_SECRET, "server.address=127.0.0.1").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(DevSignIn.class));
    }

    @Test
    void anOwnSecretOnAPublicAddressStartsWithoutTheSignIn() {
        runner.withPropertyValues(OWN_SECRET, "server.address=0.0.0.0").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(DevSignIn.class));
    }

    @Test
    void anIssuerTurnsTheSignInOffEvenOnLoopback() {
        runner.withPropertyValues("marketplace.security.issuer-uri=https://id.example", "server.address=127.0.0.1")
              .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DevSignIn.class));
    }
}
