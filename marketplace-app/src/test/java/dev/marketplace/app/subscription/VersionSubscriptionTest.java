package dev.marketplace.app.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import dev.marketplace.app.support.Tokens;
import dev.marketplace.query.subscription.FindVersionUpdatesQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * {@code versionStatusChanged} end to end: a client subscribes over a real transport (WebSocket, or server-sent
 * events over plain HTTP), a decision is taken through GraphQL or stored by another node, and the changed version
 * reaches the client through the event store, the per-node update processor and an Axon subscription query; when
 * the client goes, so does the Axon subscription.
 */
@MarketplaceIntegrationTest
class VersionSubscriptionTest extends MarketplaceClientTest {

    static final Duration PROMPTLY = Duration.ofSeconds(10);
    static final String UPDATES = "version-status-updates";

    @Autowired
    ExecutionGraphQlService graphQlService;
    @Autowired
    QueryUpdateEmitter emitter;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;


    @Test
    void theDeveloperSeesTheApprovalOfTheirDraftOverWebSocket() {
        String program = marketplace.register("dev-ws", "Subscription Over WebSocket");
        String version = marketplace.submit("dev-ws", program, "1.0.0");
        WebSocketGraphQlTester developer = WebSocketGraphQlTester
                .builder("ws://127.0.0.1:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .header("Authorization", "Bearer " + Tokens.forUser("dev-ws", Role.DEVELOPER)).build();
        List<VersionChange> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Disposable client = developer.documentName("subscription/versionStatusChanged")
                .variable("miniProgramId", program).executeSubscription()
                .toFlux("versionStatusChanged", VersionChange.class).subscribe(received::add, failure::set);
        await().atMost(PROMPTLY).untilAsserted(() -> {
            assertThat(failure.get()).as("GraphQL over WebSocket at /graphql (spring-boot-starter-websocket and "
                                         + "spring.graphql.websocket.path)").isNull();
            assertThat(followers(program)).isOne();
        });
        marketplace.approve("reviewer-ws", version);

        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(received).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(version);
            assertThat(v.status()).isEqualTo("APPROVED");
            assertThat(v.review().reviewer()).isEqualTo("reviewer-ws");
            assertThat(v.review().outcome()).isEqualTo("APPROVED");
        }));
        client.dispose();
        developer.stop().block(PROMPTLY);
        awaitFollowers(program, 0);
    }

    @Test
    void anyoneFollowsALiveProgramOverServerSentEventsUntilTheyGo() {
        String program = marketplace.publish("dev-sse", "Subscription Over Server-Sent Events");
        String next = marketplace.submit("dev-sse", program, "1.1.0");
        marketplace.approve("reviewer-sse", next);
        HttpGraphQlClient anonymous = overHttp().build();
        List<VersionChange> received = new CopyOnWriteArrayList<>();

        Disposable client = anonymous.documentName("subscription/versionStatusChanged")
                .variable("miniProgramId", program).retrieveSubscription("versionStatusChanged")
                .toEntity(VersionChange.class).subscribe(received::add);
        awaitFollowers(program, 1);
        marketplace.release("dev-sse", next);

        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(received)
                .extracting(v -> v.number() + " " + v.status() + " " + v.releasePercentage())
                .containsExactlyInAnyOrder("1.0.0 SUPERSEDED 100", "1.1.0 RELEASED 100"));
        client.dispose();
        // A server learns that an SSE client has gone only when writing to it fails: here, on the next public
        // changes (an anonymous follower is sent nothing of a version until it is released).
        String later = marketplace.releaseNew("dev-sse", program, "1.2.0", "reviewer-sse");
        awaitFollowers(program, 0);
    }

    /**
     * A version in review, rejected or approved, and every review, are the owner's and the reviewers': an anonymous
     * follower of the same live program receives only the release and the version it superseded, without reviews.
     * The owner's own subscription tells when every change has been sent.
     */
    @Test
    void anAnonymousFollowerReceivesOnlyReleasesWithoutReviewsOverWebSocket() {
        String program = marketplace.publish("dev-ws-public", "Subscription Public Changes");
        WebSocketGraphQlTester developer = overWebSocket()
                .header("Authorization", "Bearer " + Tokens.forUser("dev-ws-public", Role.DEVELOPER)).build();
        WebSocketGraphQlTester anonymous = overWebSocket().build();
        List<VersionChange> toDeveloper = new CopyOnWriteArrayList<>();
        List<VersionChange> toAnonymous = new CopyOnWriteArrayList<>();
        Disposable developerClient = follow(developer, program, toDeveloper);
        Disposable anonymousClient = follow(anonymous, program, toAnonymous);
        awaitFollowers(program, 2);

        String rejected = marketplace.submit("dev-ws-public", program, "1.1.0");
        marketplace.reject("reviewer-ws-public", rejected, "Crashes on launch");
        String released = marketplace.releaseNew("dev-ws-public", program, "1.2.0", "reviewer-ws-public");

        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(toDeveloper)
                .extracting(v -> v.number() + " " + v.status())
                .contains("1.1.0 REJECTED", "1.2.0 APPROVED", "1.2.0 RELEASED", "1.0.0 SUPERSEDED"));
        assertThat(toDeveloper).filteredOn(v -> v.status().equals("REJECTED")).singleElement()
                               .satisfies(v -> assertThat(v.review().comment()).isEqualTo("Crashes on launch"));
        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(toAnonymous)
                .extracting(v -> v.number() + " " + v.status())
                .containsExactlyInAnyOrder("1.2.0 RELEASED", "1.0.0 SUPERSEDED"));
        assertThat(toAnonymous).extracting(VersionChange::review).containsOnlyNulls();
        developerClient.dispose();
        anonymousClient.dispose();
        developer.stop().block(PROMPTLY);
        anonymous.stop().block(PROMPTLY);
        awaitFollowers(program, 0);
    }

    @Test
    void aDecisionStoredByAnotherNodeReachesTheDeveloperFollowingOnThisOne() {
        String program = marketplace.register("dev-nodes", "Subscription Across Nodes");
        String version = marketplace.submit("dev-nodes", program, "1.0.0");
        // The checks append to the program too; once they ran, the other node's append takes the next sequence.
        marketplace.awaitChecks("reviewer-elsewhere", version);
        HttpGraphQlClient developer = overHttp()
                .header("Authorization", "Bearer " + Tokens.forUser("dev-nodes", Role.DEVELOPER)).build();
        List<VersionChange> received = new CopyOnWriteArrayList<>();

        Disposable client = developer.documentName("subscription/versionStatusChanged")
                .variable("miniProgramId", program).retrieveSubscription("versionStatusChanged")
                .toEntity(VersionChange.class).subscribe(received::add);
        awaitFollowers(program, 1);
        new OtherNode(context).approve(program, "1.0.0", "reviewer-elsewhere");

        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(received).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(version);
            assertThat(v.status()).isEqualTo("APPROVED");
            assertThat(v.review().reviewer()).isEqualTo("reviewer-elsewhere");
        }));
        client.dispose();
        marketplace.release("dev-nodes", version);
        marketplace.submit("dev-nodes", program, "1.1.0");
        awaitFollowers(program, 0);
    }

    @Test
    void everyNodeRunsTheUpdateProcessorInFullWithoutClaimingItsToken() {
        assertThat(processing.eventProcessor(UPDATES, TrackingEventProcessor.class))
                .hasValueSatisfying(processor -> assertThat(processor.isRunning()).isTrue());
        assertThat(processing.tokenStore(UPDATES)).isInstanceOf(InMemoryTokenStore.class);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Long.class,
                                       UPDATES)).isZero();
    }

    @Test
    void aStrangerCannotFollowADraftProgram() {
        String program = marketplace.register("dev-private", "Subscription Refused");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                "dev-other", null, "ROLE_" + Role.DEVELOPER.name()));
        try {
            // Straight to the GraphQL service: what is checked here is the refusal, not a transport.
            Flux<GraphQlTester.Response> responses = ExecutionGraphQlServiceTester.create(graphQlService)
                    .documentName("subscription/versionStatusChanged").variable("miniProgramId", program)
                    .executeSubscription().toFlux();

            assertThatThrownBy(() -> responses.blockFirst(PROMPTLY)).isInstanceOfSatisfying(
                    SubscriptionPublisherException.class, refusal -> assertThat(refusal.getErrors())
                            .singleElement().satisfies(error -> {
                                assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                                assertThat(error.getExtensions()).containsEntry("code", "PROGRAM_NOT_FOUND");
                            }));
            assertThat(followers(program)).isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private WebSocketGraphQlTester.Builder<?> overWebSocket() {
        return WebSocketGraphQlTester.builder("ws://127.0.0.1:" + port + "/graphql", new ReactorNettyWebSocketClient());
    }

    private static Disposable follow(WebSocketGraphQlTester client, String program, List<VersionChange> received) {
        return client.documentName("subscription/versionStatusChanged").variable("miniProgramId", program)
                     .executeSubscription().toFlux("versionStatusChanged", VersionChange.class)
                     .subscribe(received::add);
    }

    /** Subscriptions over HTTP: Spring for GraphQL answers them as server-sent events. */
    private HttpGraphQlClient.Builder<?> overHttp() {
        return HttpGraphQlClient.builder(WebClient.create("http://127.0.0.1:" + port + "/graphql"))
                .documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql-test/")),
                                                           List.of(".graphql")));
    }

    private void awaitFollowers(String program, long count) {
        await().atMost(PROMPTLY).until(() -> followers(program) == count);
    }

    /** Axon subscriptions open for the program on this node. */
    private long followers(String program) {
        return emitter.activeSubscriptions().stream()
                      .filter(s -> s.getPayload() instanceof FindVersionUpdatesQuery q && q.programId().equals(program))
                      .count();
    }

    record Review(String reviewer, String outcome, String comment) {
    }

    record VersionChange(String id, String number, String status, int releasePercentage, Review review) {
    }
}
