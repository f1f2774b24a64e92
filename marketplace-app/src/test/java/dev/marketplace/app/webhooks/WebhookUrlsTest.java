package dev.marketplace.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.rules.RuleViolation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which webhook URLs are accepted, with names resolved by a stand-in so no lookup leaves the machine. */
class WebhookUrlsTest {

    private static final WebhookUrls STRICT = urls(false);
    private static final WebhookUrls LOOPBACK_ALLOWED = urls(true);

    private static WebhookUrls urls(boolean allowInsecureLoopback) {
        WebhookProperties properties = new WebhookProperties(allowInsecureLoopback, Duration.ofSeconds(30),
                                                             Duration.ofHours(1), Duration.ofHours(24),
                                                             Duration.ofSeconds(10), Duration.ofSeconds(1));
        return new WebhookUrls(properties, host -> switch (host) {
            case "hooks.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "rebound.example.com" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "mixed.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"),
                                                           InetAddress.getByName("192.168.1.4")};
            default -> {
                if (host.matches("[0-9.:\\[\\]a-f]+")) {
                    yield InetAddress.getAllByName(host);
                }
                throw new UnknownHostException(host);
            }
        });
    }

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertThat(STRICT.check("url", "https://hooks.example.com/marketplace").getHost())
                .isEqualTo("hooks.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://rebound.example.com/hook", "https://127.0.0.1/hook", "https://10.1.2.3/",
                            "https://172.16.0.1/", "https://192.168.0.10/", "https://169.254.169.254/latest",
                            "https://100.64.0.1/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
                            "https://0.0.0.0/", "https://mixed.example.com/"})
    void addressesInsideTheNetworkAreRefused(String url) {
        assertThatThrownBy(() -> STRICT.check("url", url)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("url: resolves to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "http://127.0.0.1:8080/hook"})
    void onlyHttpsWithoutTheFlag(String url) {
        assertThatThrownBy(() -> STRICT.check("url", url)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("must use https");
    }

    @Test
    void theFlagAllowsPlainHttpToLoopbackOnly() {
        assertThat(LOOPBACK_ALLOWED.check("url", "http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThat(LOOPBACK_ALLOWED.check("url", "http://rebound.example.com/hook").getHost())
                .isEqualTo("rebound.example.com");
        assertThatThrownBy(() -> LOOPBACK_ALLOWED.check("url", "http://10.0.0.8/hook"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> LOOPBACK_ALLOWED.check("url", "https://192.168.0.10/hook"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("resolves to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "https://user:pw@hooks.example.com/", "/relative", "https://nowhere.invalid/"})
    void malformedUrlsAreNamed(String url) {
        assertThatThrownBy(() -> STRICT.check("input.url", url)).isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("input.url: ");
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        WebhookProperties properties = new WebhookProperties(false, Duration.ofSeconds(30), Duration.ofMinutes(2),
                                                             Duration.ofHours(24), Duration.ofSeconds(10),
                                                             Duration.ofSeconds(1));
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.backoffAfter(9)).isEqualTo(Duration.ofSeconds(120));
    }
}
