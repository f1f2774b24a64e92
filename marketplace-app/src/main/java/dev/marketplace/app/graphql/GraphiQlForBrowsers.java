package dev.marketplace.app.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person who types the API's address into a browser gets GraphiQL rather than "405 Method Not Allowed": a GET of
 * /graphql that asks for HTML is sent to /graphiql, pointed at /graphql. Clients of the API (POST, or GET asking for
 * JSON or an event stream) are untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphiQlForBrowsers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !"GET".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
               || accept == null || !accept.contains("text/html");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendRedirect(request.getContextPath() + "/graphiql?path=/graphql");
    }
}
