package dev.marketplace.app.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Headers that make browsers hold the portal to its own files: a Content-Security-Policy allowing only the
 * portal's own scripts and styles (no inline script, no style attribute, no framing by any site), no MIME sniffing,
 * no referrer beyond this origin. GraphiQL is Spring for GraphQL's page, with an inline bootstrap script and its
 * editor loaded from esm.sh, so {@code /graphiql} gets a policy of its own that allows exactly that.
 */
final class BrowserHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String GRAPHIQL_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh; "
            + "style-src 'self' 'unsafe-inline' https://esm.sh; worker-src 'self' blob: https://esm.sh; "
            + "connect-src 'self' https://esm.sh; img-src 'self' data: https://esm.sh; font-src 'self' data: "
            + "https://esm.sh; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private BrowserHeaders() {
    }

    /** Spring Security's defaults (nosniff, X-Frame-Options DENY, no caching) plus the policies above. */
    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher graphiql = PathPatternRequestMatcher.withDefaults().matcher("/graphiql");
        headers.contentTypeOptions(nosniff -> { })
               .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
               .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
               .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(graphiql),
                       new StaticHeadersWriter(CONTENT_SECURITY_POLICY, PORTAL_POLICY)))
               .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(graphiql,
                       new StaticHeadersWriter(CONTENT_SECURITY_POLICY, GRAPHIQL_POLICY)));
    }
}
