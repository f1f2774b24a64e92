package dev.marketplace.app.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.marketplace.app.support.MarketplaceClientTest;
import dev.marketplace.app.support.MarketplaceIntegrationTest;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may do what, over GraphQL: every mutation of the schema against every kind of caller. Each cell starts from
 * state of its own, built through the API ({@link Preconditions}), and asserts either that the call is allowed (its
 * result, and exactly one event stored, recorded as the caller's; none for retryDeadLetters, rebuildCatalogue and rankingBacktest,
 * which act on the read side) or the exact refusal with nothing stored at all. The expectations follow the aggregates, where the rules
 * live; anonymous callers are turned away at the edge. A mutation added to the schema fails the coverage check
 * until it has a row here.
 */
@MarketplaceIntegrationTest
@TestPropertySource(properties = "marketplace.webhooks.allow-insecure-loopback=true")
class AuthorizationMatrixTest extends MarketplaceClientTest {

    /**
     * "allowed", or the code that refuses the call. OWNER_REVIEWER is the owning developer's user holding REVIEWER
     * too, so a reviewing action it is refused is the four-eyes rule, not a missing role.
     */
    private static final String MATRIX = """
            mutation              ANONYMOUS       USER          OWNER         OTHER_DEVELOPER REVIEWER      ADMIN   OWNER_REVIEWER
            registerMiniProgram   UNAUTHENTICATED ROLE_REQUIRED allowed       allowed         ROLE_REQUIRED allowed allowed
            updateListing         UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            submitVersion         UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            withdrawVersion       UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            claimReview           UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            approveVersion        UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            rejectVersion         UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            requestInformation    UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            answerReview          UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            releaseVersion        UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            rollbackRelease       UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            suspendMiniProgram    UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            reinstateMiniProgram  UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            delistMiniProgram     UNAUTHENTICATED ROLE_REQUIRED allowed       NOT_OWNER       ROLE_REQUIRED allowed allowed
            installMiniProgram    UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            uninstallMiniProgram  UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            rateMiniProgram       UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            replyToRating         UNAUTHENTICATED NOT_OWNER     allowed       NOT_OWNER       NOT_OWNER     allowed allowed
            flagRating            UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            hideRating            UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            restoreRating         UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            retryDeadLetters      UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            rebuildCatalogue      UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            updateDeveloperProfile UNAUTHENTICATED ROLE_REQUIRED allowed     allowed         ROLE_REQUIRED allowed allowed
            verifyDeveloper       UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            unverifyDeveloper     UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            reportMiniProgram     UNAUTHENTICATED allowed       SELF_REPORT   allowed         allowed       allowed SELF_REPORT
            resolveAbuseReport    UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed SELF_REVIEW
            createApiKey          UNAUTHENTICATED ROLE_REQUIRED allowed       allowed         ROLE_REQUIRED allowed allowed
            revokeApiKey          UNAUTHENTICATED API_KEY_NOT_FOUND allowed   API_KEY_NOT_FOUND API_KEY_NOT_FOUND allowed allowed
            saveCannedResponse    UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       allowed allowed
            deleteCannedResponse  UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   allowed       CANNED_RESPONSE_NOT_FOUND CANNED_RESPONSE_NOT_FOUND
            createWebhook         UNAUTHENTICATED ROLE_REQUIRED allowed       allowed         ROLE_REQUIRED allowed allowed
            deleteWebhook         UNAUTHENTICATED ROLE_REQUIRED allowed       WEBHOOK_NOT_FOUND ROLE_REQUIRED allowed allowed
            setRankingWeights     UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            updateMySettings      UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            chooseSearchResult    UNAUTHENTICATED allowed       allowed       allowed         allowed       allowed allowed
            rankingBacktest       UNAUTHENTICATED ROLE_REQUIRED ROLE_REQUIRED ROLE_REQUIRED   ROLE_REQUIRED allowed ROLE_REQUIRED
            """;

    /** The classification a client is promised for each refusal code (DESIGN.md, GraphQL contract). */
    private static final Map<String, ErrorType> CLASSIFICATIONS = Map.ofEntries(
            Map.entry("UNAUTHENTICATED", ErrorType.UNAUTHORIZED),
            Map.entry("ROLE_REQUIRED", ErrorType.FORBIDDEN),
            Map.entry("NOT_OWNER", ErrorType.FORBIDDEN),
            Map.entry("SELF_REVIEW", ErrorType.FORBIDDEN),
            Map.entry("SELF_FLAG", ErrorType.FORBIDDEN),
            Map.entry("SELF_REPORT", ErrorType.FORBIDDEN),
            Map.entry("RATING_NOT_FOUND", ErrorType.NOT_FOUND),
            Map.entry("API_KEY_NOT_FOUND", ErrorType.NOT_FOUND),
            Map.entry("CANNED_RESPONSE_NOT_FOUND", ErrorType.NOT_FOUND),
            Map.entry("WEBHOOK_NOT_FOUND", ErrorType.NOT_FOUND),
            Map.entry("CLAIMED_BY_OTHER", ErrorType.FORBIDDEN));

    @Autowired
    JdbcTemplate jdbc;
    private Preconditions given;
    private StoredEvents events;
    private Map<String, GuardedMutation> mutations;

    @BeforeEach
    void setUp() {
        given = new Preconditions(marketplace);
        events = new StoredEvents(jdbc);
        mutations = GuardedMutations.all(given);
    }

    @Test
    void theMatrixCoversEveryMutationOfTheSchema() throws IOException {
        List<String> rows = MATRIX.lines().skip(1).map(line -> line.split("\\s+")[0]).toList();

        assertThat(rows).containsExactlyElementsOf(schemaMutations());
        assertThat(mutations.keySet()).containsExactlyElementsOf(schemaMutations());
    }

    @TestFactory
    Stream<DynamicTest> everyMutationAsEveryCaller() {
        List<String> lines = MATRIX.lines().toList();
        List<Caller> callers = Arrays.stream(lines.get(0).split("\\s+")).skip(1).map(Caller::valueOf).toList();
        List<Cell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\\s+");
            assertThat(columns).as("columns of " + columns[0]).hasSize(callers.size() + 1);
            for (int i = 0; i < callers.size(); i++) {
                cells.add(new Cell(mutations.get(columns[0]), callers.get(i), columns[i + 1]));
            }
        }
        return cells.stream().map(this::test);
    }

    /** Four-eyes on ratings, seen from their author, and a claim binding every reviewer but its claimant. */
    @TestFactory
    Stream<DynamicTest> authorsAndClaims() {
        GuardedMutation flag = mutations.get("flagRating");
        GuardedMutation hide = mutations.get("hideRating");
        GuardedMutation restore = mutations.get("restoreRating");
        GuardedMutation claim = claimedByAnotherReviewer("claimReview");
        GuardedMutation approve = claimedByAnotherReviewer("approveVersion");
        GuardedMutation reject = claimedByAnotherReviewer("rejectVersion");
        return Stream.of(
                new Cell(flag, Caller.AUTHOR, "SELF_FLAG"),
                new Cell(flag, Caller.AUTHOR_REVIEWER, "SELF_FLAG"),
                new Cell(hide, Caller.AUTHOR_REVIEWER, "SELF_REVIEW"),
                new Cell(restore, Caller.AUTHOR_REVIEWER, "SELF_REVIEW"),
                new Cell(claim, Caller.REVIEWER, "CLAIMED_BY_OTHER"),
                new Cell(approve, Caller.REVIEWER, "CLAIMED_BY_OTHER"),
                new Cell(reject, Caller.REVIEWER, "CLAIMED_BY_OTHER"),
                new Cell(claim, Caller.ADMIN, "allowed"),
                new Cell(approve, Caller.ADMIN, "allowed"),
                new Cell(reject, Caller.ADMIN, "allowed")).map(this::test);
    }

    /**
     * A hidden rating exists only for its author, the program's owner and reviewers: anyone else is answered as if
     * there were no such rating, so no answer carries its text.
     */
    @TestFactory
    Stream<DynamicTest> hiddenRatings() {
        GuardedMutation flag = mutations.get("flagRating").on("a hidden rating", caller -> given.hiddenRating());
        return Stream.of(
                new Cell(flag, Caller.ANONYMOUS, "UNAUTHENTICATED"),
                new Cell(flag, Caller.USER, "RATING_NOT_FOUND"),
                new Cell(flag, Caller.OTHER_DEVELOPER, "RATING_NOT_FOUND"),
                new Cell(flag, Caller.OWNER, "allowed"),
                new Cell(flag, Caller.REVIEWER, "allowed"),
                new Cell(flag, Caller.ADMIN, "allowed"),
                new Cell(flag, Caller.AUTHOR, "SELF_FLAG")).map(this::test);
    }

    private GuardedMutation claimedByAnotherReviewer(String name) {
        return mutations.get(name).on("a version another reviewer claimed",
                                      caller -> given.versionClaimedByAnotherReviewer());
    }

    private DynamicTest test(Cell cell) {
        return dynamicTest(cell.toString(), () -> check(cell));
    }

    private void check(Cell cell) {
        GuardedMutation mutation = cell.mutation();
        Scene scene = mutation.given().apply(cell.caller());
        long mark = events.mark();

        GraphQlTester.Response response = mutation.executeAs(cell.caller(), marketplace, scene);

        if (cell.allowed() && mutation.event() == null) {
            response.errors().satisfy(errors -> assertThat(errors).as("errors of " + cell).isEmpty());
            mutation.allowed().verify(response, cell.caller(), scene);
            assertThat(events.since(mark)).as("events stored by " + cell).isEmpty();
        } else if (cell.allowed()) {
            response.errors().satisfy(errors -> assertThat(errors).as("errors of " + cell).isEmpty());
            mutation.allowed().verify(response, cell.caller(), scene);
            assertThat(events.since(mark)).as("events stored by " + cell).singleElement().satisfies(stored -> {
                assertThat(stored.type()).as("event type").isEqualTo(mutation.event().getName());
                assertThat(stored.actor()).as("the event's actor").isEqualTo(cell.caller().userId());
            });
        } else {
            response.errors().satisfy(errors -> assertThat(errors).as("errors of " + cell).singleElement()
                    .satisfies(error -> {
                        assertThat(error.getErrorType()).as("classification of " + cell)
                                                        .isEqualTo(cell.classification());
                        assertThat(error.getExtensions()).as("extensions of " + cell)
                                                         .containsEntry("code", cell.outcome());
                    }));
            assertThat(events.since(mark)).as("events stored by " + cell).isEmpty();
        }
    }

    private static List<String> schemaMutations() throws IOException {
        TypeDefinitionRegistry schema = new TypeDefinitionRegistry();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
        for (Resource file : files) {
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                schema.merge(new SchemaParser().parse(reader));
            }
        }
        List<ObjectTypeDefinition> mutation = new ArrayList<>();
        schema.getType("Mutation", ObjectTypeDefinition.class).ifPresent(mutation::add);
        mutation.addAll(schema.objectTypeExtensions().getOrDefault("Mutation", List.of()));
        return mutation.stream().flatMap(type -> type.getFieldDefinitions().stream()).map(FieldDefinition::getName)
                       .toList();
    }

    /** One mutation called by one caller, expected to be "allowed" or refused with the code named. */
    private record Cell(GuardedMutation mutation, Caller caller, String outcome) {

        boolean allowed() {
            return outcome.equals("allowed");
        }

        ErrorType classification() {
            assertThat(CLASSIFICATIONS).as("classification of " + outcome).containsKey(outcome);
            return CLASSIFICATIONS.get(outcome);
        }

        @Override
        public String toString() {
            return mutation + " as " + caller + " -> " + (allowed() ? "allowed" : classification() + "/" + outcome);
        }
    }
}
