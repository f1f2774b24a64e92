package dev.marketplace.app.cluster;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several marketplace nodes share one database: the token store names this node as the owner of the segments it
 * claims (the same id its heartbeat carries), and the balancer shares segments out among the live nodes.
 */
@Configuration
class ClusterConfiguration {

    /** Axon's own JDBC token store, with the node id made explicit so heartbeats and claims can be matched. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          ClusterProperties cluster, TokenStoreProperties tokenStoreProperties) {
        Duration claimTimeout = tokenStoreProperties.getClaimTimeout();
        if (cluster.nodeTimeout().compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("marketplace.cluster.node-timeout (" + cluster.nodeTimeout() + ") must be"
                    + " shorter than axon.eventhandling.tokenstore.claim-timeout (" + claimTimeout + ")");
        }
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(cluster.nodeId())
                .build();
    }

    @Bean
    SegmentBalancer segmentBalancer(JdbcTemplate jdbc, ClusterProperties cluster, EventProcessingConfiguration processing,
                                    TokenStore tokenStore) {
        return new SegmentBalancer(new ClusterNodes(jdbc, Clock.systemUTC()), cluster, processing, tokenStore);
    }
}
