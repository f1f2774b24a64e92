package dev.marketplace.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.protocol.HttpContext;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code marketplace_elasticsearch_requests_seconds}: every request the Elasticsearch client sends, timed in its HTTP
 * client from the request leaving to the response's head arriving, tagged by method, by Elasticsearch API (the
 * path's first {@code _name} from a fixed list, so index names and ids never become tags) and by status. A request
 * that gets no response (connection refused, time-out) is not timed; the health probes report that outage.
 */
@Component
class ElasticsearchRequestTimer implements RestClientBuilderCustomizer {

    static final String NAME = "marketplace.elasticsearch.requests";
    private static final String STARTED = ElasticsearchRequestTimer.class.getName() + ".started";
    private static final String TAGS = ElasticsearchRequestTimer.class.getName() + ".api";
    private static final Set<String> APIS = Set.of("_search", "_bulk", "_pit", "_doc", "_update", "_count",
            "_refresh", "_mget", "_msearch", "_cluster", "_aliases", "_alias", "_mapping", "_settings", "_delete_by_query",
            "_update_by_query", "_create", "_source", "_reindex", "_tasks", "_nodes", "_security");

    private final MeterRegistry registry;

    ElasticsearchRequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void customize(RestClientBuilder builder) {
    }

    @Override
    public void customize(HttpAsyncClientBuilder builder) {
        builder.addInterceptorFirst((HttpRequest request, HttpContext context) -> {
            context.setAttribute(STARTED, System.nanoTime());
            context.setAttribute(TAGS, new String[] {request.getRequestLine().getMethod(),
                                                     api(request.getRequestLine().getUri())});
        });
        builder.addInterceptorLast((HttpResponse response, HttpContext context) -> {
            if (context.getAttribute(STARTED) instanceof Long started
                && context.getAttribute(TAGS) instanceof String[] tags) {
                Timer.builder(NAME).tag("method", tags[0]).tag("api", tags[1])
                     .tag("status", Integer.toString(response.getStatusLine().getStatusCode()))
                     .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** The Elasticsearch API a request path calls: its first known {@code _name}, "index" for an index itself. */
    static String api(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        for (String part : path.split("/")) {
            if (part.startsWith("_")) {
                return APIS.contains(part) ? part : "other";
            }
        }
        return path.length() > 1 ? "index" : "root";
    }
}
