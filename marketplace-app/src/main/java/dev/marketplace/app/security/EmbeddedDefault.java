package dev.marketplace.app.security;

import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: no identity provider configured and the server bound to a loopback address only, so only
 * the person at this machine reaches it. The development sign-in exists only here.
 */
final class EmbeddedDefault extends SpringBootCondition {

    /** Whether {@code server.address} is set and loopback; unset, the server listens on every interface. */
    static boolean bindsLoopbackOnly(Environment environment) {
        return Binder.get(environment).bind("server.address", InetAddress.class)
                     .map(InetAddress::isLoopbackAddress).orElse(false);
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (!environment.getProperty("marketplace.security.issuer-uri", "").isBlank()) {
            return ConditionOutcome.noMatch("an identity provider is configured (marketplace.security.issuer-uri)");
        }
        return bindsLoopbackOnly(environment) ? ConditionOutcome.match("no issuer, loopback bind")
                : ConditionOutcome.noMatch("server.address is not a loopback address");
    }
}
