package dev.marketplace.app.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request body larger than the limit with 413 before anything parses it; bodies without a
 * declared length (chunked) are refused too, as no legitimate GraphQL client needs them. Which requests are
 * GraphQL's is decided by {@code graphQl}, matched as the router matches ({@code /%67raphql} is {@code /graphql}).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final RequestMatcher graphQl;

    public RequestSizeLimitFilter(long maxBytes, RequestMatcher graphQl) {
        this.maxBytes = maxBytes;
        this.graphQl = graphQl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !graphQl.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(length < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED : 413);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        String message = length < 0 ? "A GraphQL request must declare its Content-Length."
                : "The request is " + length + " bytes; at most " + maxBytes + " are accepted.";
        response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\",\"code\":\"REQUEST_TOO_LARGE\"}}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
