package dev.marketplace.app.webhooks;

import dev.marketplace.api.rules.RuleViolation;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may point. Server-side request forgery is the danger: a URL that reaches the marketplace's own
 * network. Only {@code https} is accepted, to hosts whose every address is public: loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), link-local (169.254/16 with the cloud metadata
 * address, fe80::/10), any-local and multicast addresses are refused. With {@code allow-insecure-loopback}, {@code http}
 * to a loopback address is accepted too (tests). Checked when the endpoint is created and again before each attempt,
 * so a name that later resolves somewhere private is refused then.
 */
@Component
class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private final WebhookProperties properties;
    private final Resolver resolver;

    /** Name resolution, replaceable so tests can make a name resolve where they need it. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Autowired
    WebhookUrls(WebhookProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    WebhookUrls(WebhookProperties properties, Resolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    /** The URL, or a refusal naming {@code field} and what is wrong with it. */
    URI check(String field, String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw RuleViolation.invalid(field, "must be a URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw RuleViolation.invalid(field, "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw RuleViolation.invalid(field, "must be an absolute URL with a host, no user info and no fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw RuleViolation.invalid(field, "names a host that does not resolve: " + uri.getHost());
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && properties.allowInsecureLoopback() && allLoopback) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw RuleViolation.invalid(field, "must use https");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw RuleViolation.invalid(field, "resolves to " + address.getHostAddress()
                                                   + ", a loopback, private or link-local address");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
            || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) && first != 0;
    }
}
