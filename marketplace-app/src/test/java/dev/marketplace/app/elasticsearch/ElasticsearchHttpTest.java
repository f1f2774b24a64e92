package dev.marketplace.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScheme;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.auth.BasicScheme;
import org.apache.http.impl.client.BasicAuthCache;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node.Protocol;

/**
 * The Elasticsearch client's HTTP requests against a loopback server that records their headers: no cookies are
 * kept, the auth cache is consulted only when a user and password are configured, and then the first request
 * already carries them.
 */
class ElasticsearchHttpTest {

    private HttpServer server;
    private HttpHost host;
    private final List<String> cookies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            cookies.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        host = new HttpHost("127.0.0.1", server.getAddress().getPort(), "http");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void withoutBasicAuthNoCookieIsSentBackAndTheAuthCacheIsNotRead() throws Exception {
        CountingAuthCache cache = new CountingAuthCache(host);
        send(false, cache, 2);

        assertThat(cookies).containsExactly("null", "null");
        assertThat(authorizations).containsExactly("null", "null");
        assertThat(cache.reads.get()).isZero();
    }

    @Test
    void withBasicAuthTheFirstRequestIsAuthenticatedFromTheCache() throws Exception {
        CountingAuthCache cache = new CountingAuthCache(host);
        send(true, cache, 2);

        assertThat(authorizations).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("Basic "));
        assertThat(cookies).containsExactly("null", "null");
        assertThat(cache.reads.get()).isEqualTo(2);
    }

    @Test
    void basicAuthIsSeenInTheClientSettingsAndInTheNodesUserInfo() {
        assertThat(ElasticsearchHttp.usesBasicAuth(details(null, null))).isFalse();
        assertThat(ElasticsearchHttp.usesBasicAuth(details("elastic", null))).isTrue();
        assertThat(ElasticsearchHttp.usesBasicAuth(details(null, "reader"))).isTrue();
    }

    private void send(boolean basicAuth, CountingAuthCache cache, int requests) throws Exception {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (basicAuth) {
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials("elastic", "secret"));
        }
        HttpAsyncClientBuilder builder = HttpAsyncClientBuilder.create().setDefaultCredentialsProvider(credentials);
        ElasticsearchHttp.customizeClient(builder, basicAuth);
        try (CloseableHttpAsyncClient client = builder.build()) {
            client.start();
            for (int i = 0; i < requests; i++) {
                HttpClientContext context = HttpClientContext.create();
                context.setAuthCache(cache);
                assertThat(client.execute(host, new HttpGet("/"), context, null).get(10, TimeUnit.SECONDS)
                                 .getStatusLine().getStatusCode()).isEqualTo(200);
            }
        }
    }

    private static ElasticsearchConnectionDetails details(String username, String nodeUser) {
        return new ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return List.of(new Node("127.0.0.1", 9200, Protocol.HTTP, nodeUser, nodeUser == null ? null : "pw"));
            }

            @Override
            public String getUsername() {
                return username;
            }
        };
    }

    /** The low-level client's cache, one basic scheme per node, counting how often a request reads it. */
    private static final class CountingAuthCache extends BasicAuthCache {
        final AtomicInteger reads = new AtomicInteger();

        CountingAuthCache(HttpHost host) {
            put(host, new BasicScheme());
        }

        @Override
        public AuthScheme get(HttpHost host) {
            reads.incrementAndGet();
            return super.get(host);
        }
    }
}
