package dev.marketplace.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

class RateLimitFilterTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final RateLimits limits = new RateLimits(true, new RateLimits.Limit(3, 1), new RateLimits.Limit(5, 2), null);
    final RateLimitFilter filter = new RateLimitFilter(limits, RateLimitBuckets.local(limits, nanos::get),
                                                       PathPatternRequestMatcher.withDefaults().matcher("/graphql"));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aUserBeyondTheBurstGets429WithRetryAfterUntilTheBucketRefills() throws Exception {
        signIn("alice");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(send("10.0.0.1").getStatus());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
        MockHttpServletResponse refused = send("10.0.0.1");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");

        nanos.addAndGet(1_000_000_000L);
        assertThat(send("10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void anAddressIsLimitedWhoeverSignsInFromIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("user-" + i);
            assertThat(send("10.0.0.2").getStatus()).isEqualTo(200);
        }
        signIn("user-6");
        assertThat(send("10.0.0.2").getStatus()).isEqualTo(429);
        assertThat(send("10.0.0.3").getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void aUserRefusedByTheirOwnLimitDoesNotUseUpTheAddress() throws Exception {
        signIn("bob");
        for (int i = 0; i < 5; i++) {
            send("10.0.0.4");
        }
        SecurityContextHolder.clearContext();
        assertThat(send("10.0.0.4").getStatus()).as("anonymous from the same address").isEqualTo(200);
        assertThat(send("10.0.0.4").getStatus()).isEqualTo(200);
    }

    private void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }

    private MockHttpServletResponse send(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
