package dev.marketplace.app.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} on a port of its own ({@code marketplace.metrics.port}, loopback by default), a
 * second connector of the same server: the health probes stay on the API's port where load balancers look for them,
 * and the metrics never reach the public side. The API's port answers any path naming prometheus (however spelt:
 * trailing slash, path parameters, case) with 404, the metrics port
 * answers everything else with 404. Prometheus scrapes without credentials, so nothing to leak or renew.
 */
@Configuration
class MetricsPort {

    static final String PATH = "/actuator/prometheus";

    @Bean
    Connector metricsConnector(MetricsProperties properties) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.port());
        connector.setProperty("address", properties.address());
        return connector;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> metricsConnectorOnServer(Connector metricsConnector) {
        return factory -> factory.addAdditionalTomcatConnectors(metricsConnector);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metricsOnlyOnMetricsPort(Connector metricsConnector) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String uri = request.getRequestURI();
                boolean refused = request.getLocalPort() == metricsConnector.getLocalPort() ? !PATH.equals(uri)
                        : namesPrometheus(uri) || namesPrometheus(request.getServletPath());
                if (refused) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        // The servlet path is decoded and normalised by Tomcat: "%70rometheus" and "/./" are caught there.
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static boolean namesPrometheus(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).contains("prometheus");
    }
}
