package dev.marketplace.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.history.HistoryConnection.Edge;
import dev.marketplace.query.catalogue.index.Popularity;
import dev.marketplace.query.shared.CursorKeys;
import dev.marketplace.query.shared.CursorSeal;
import graphql.execution.DataFetcherResult;
import graphql.GraphQLContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryQueriesTest {

    static final String ID = "prog-1";
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Actor DEVELOPER = Actor.of("dev-1", Role.DEVELOPER);
    static final Actor REVIEWER = Actor.of("rita", Role.REVIEWER);
    static final Actor ADMIN = Actor.of("ada", Role.ADMIN);
    static final Actor STRANGER = Actor.of("dev-2", Role.DEVELOPER, Role.USER);

    final ProgramStory story = new ProgramStory();
    final CursorSeal seal = new CursorSeal(new CursorKeys("unit-test-cursor-key-0123456789abcdef", List.of()));
    final HistoryQueries queries = new HistoryQueries(new ProgramHistory(story.store), new PopularityAsOf(null, null) {
        @Override
        public Popularity of(String programId, Instant at) {
            return Popularity.NONE;
        }
    }, seal);

    @BeforeEach
    void tellTheStory() {
        story.event(ID, new MiniProgramRegisteredEvent(ID, "dev-1", "Walmart Scan and Go", "Scan as you shop", null,
                                                       Category.SHOPPING, List.of("retail"), null), DEVELOPER, hours(0))
             .event(ID, new ListingUpdatedEvent(ID, "Walmart Scan & Go", "Scan as you shop", null, Category.SHOPPING,
                                                List.of("retail", "scan-and-go"), null), DEVELOPER, hours(1))
             .event(ID, submitted("1.0.0"), DEVELOPER, hours(2))
             .event(ID, new ReviewClaimedEvent(ID, "1.0.0", "rita"), REVIEWER, hours(3))
             .event(ID, new ReviewEscalatedEvent(ID, "1.0.0", hours(2), Duration.ofHours(48)), null, hours(50))
             .event(ID, new VersionApprovedEvent(ID, "1.0.0", "rita", "Looks good"), REVIEWER, hours(51))
             .event(ID, new VersionReleasedEvent(ID, "1.0.0", 10), DEVELOPER, hours(52))
             .event(ID, new VersionReleasedEvent(ID, "1.0.0", 100), DEVELOPER, hours(60))
             .event(ID, new MiniProgramSuspendedEvent(ID, "rita", "Collects data it does not declare"), REVIEWER,
                    hours(70));
    }

    @AfterEach
    void signOut() {
        ProgramStory.signOut();
        story.store.shutDown();
    }

    @Test
    void aChineseReaderGetsChineseSentencesAndAnyoneElseEnglish() {
        ProgramStory.signIn(DEVELOPER);

        List<HistoryEntry> chinese = nodes(queries.history(ID, 50, null, "zh", GraphQLContext.getDefault()));
        List<HistoryEntry> english = nodes(queries.history(ID, 50, null, null, GraphQLContext.getDefault()));

        assertThat(chinese.get(6).summary()).isEqualTo("向 10% 的用户发布了版本 1.0.0");
        assertThat(chinese.get(7).summary()).isEqualTo("向全部用户发布了版本 1.0.0");
        assertThat(english.get(7).summary()).isEqualTo("Released 1.0.0 to all users");
        assertThatThrownBy(() -> queries.history(ID, 50, null, "fr", GraphQLContext.getDefault()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("locale"));
    }

    @Test
    void theHistoryListsEveryEventInOrderWithTypeActorTimeAndSummary() {
        ProgramStory.signIn(DEVELOPER);

        List<HistoryEntry> entries = nodes(queries.history(ID, 50, null));

        assertThat(entries).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(entries).extracting(HistoryEntry::type).containsExactly(
                "MiniProgramRegistered", "ListingUpdated", "VersionSubmitted", "ReviewClaimed", "ReviewEscalated",
                "VersionApproved", "VersionReleased", "VersionReleased", "MiniProgramSuspended");
        assertThat(entries).extracting(HistoryEntry::actor).containsExactly(
                "dev-1", "dev-1", "dev-1", "rita", null, "rita", "dev-1", "dev-1", "rita");
        assertThat(entries).extracting(HistoryEntry::at).containsExactly(
                hours(0), hours(1), hours(2), hours(3), hours(50), hours(51), hours(52), hours(60), hours(70));
        assertThat(entries.get(5).summary()).isEqualTo("Version 1.0.0 approved: Looks good");
        assertThat(entries.get(6).summary()).isEqualTo("Released 1.0.0 to 10% of users");
        assertThat(entries.get(7).summary()).isEqualTo("Released 1.0.0 to all users");
        assertThat(entries.get(8).summary()).isEqualTo("Suspended: Collects data it does not declare");
    }

    @Test
    void theHistoryOfOneProgramHoldsNoEventOfAnother() {
        story.event("prog-2", new MiniProgramRegisteredEvent("prog-2", "dev-1", "KFC", "Order ahead", null,
                                                             Category.FOOD_AND_DRINK, List.of(), null),
                    DEVELOPER, hours(5));
        ProgramStory.signIn(DEVELOPER);

        assertThat(nodes(queries.history("prog-2", 50, null))).singleElement()
                .extracting(HistoryEntry::summary).isEqualTo("Registered \"KFC\" in food and drink");
        assertThat(nodes(queries.history(ID, 50, null))).hasSize(9);
    }

    @Test
    void pagesFollowEachOtherByCursorUntilTheLastSaysThereIsNoMore() {
        ProgramStory.signIn(REVIEWER);
        List<HistoryEntry> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();

        String after = null;
        do {
            HistoryConnection page = queries.history(ID, 4, after);
            seen.addAll(nodes(page));
            hasNext.add(page.pageInfo().hasNextPage());
            assertThat(page.pageInfo().endCursor()).isEqualTo(page.edges().get(page.edges().size() - 1).cursor());
            after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
        } while (after != null);

        assertThat(hasNext).containsExactly(true, true, false);
        assertThat(seen).isEqualTo(nodes(queries.history(ID, 200, null)));
    }

    @Test
    void aPageThatEndsExactlyAtTheLastEventHasNoNextPage() {
        ProgramStory.signIn(DEVELOPER);

        HistoryConnection all = queries.history(ID, 9, null);
        HistoryConnection past = queries.history(ID, 5, all.pageInfo().endCursor());

        assertThat(all.pageInfo().hasNextPage()).isFalse();
        assertThat(past.edges()).isEmpty();
        assertThat(past.pageInfo().hasNextPage()).isFalse();
        assertThat(past.pageInfo().endCursor()).isNull();
    }

    @Test
    void anEdgeCursorResumesRightAfterItsEntry() {
        ProgramStory.signIn(DEVELOPER);
        Edge third = queries.history(ID, 3, null).edges().get(2);

        assertThat(nodes(queries.history(ID, 2, third.cursor()))).extracting(HistoryEntry::sequence)
                                                                  .containsExactly(3L, 4L);
    }

    @Test
    void firstMustBeBetweenOneAndTwoHundred() {
        ProgramStory.signIn(DEVELOPER);

        for (int first : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> queries.history(ID, first, null)).isInstanceOfSatisfying(
                    RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo(RuleCode.INVALID_INPUT);
                        assertThat(v.field()).isEqualTo("first");
                    });
        }
        assertThat(queries.history(ID, 200, null).edges()).hasSize(9);
    }

    @Test
    void aCursorThisQueryDidNotMakeIsRefused() {
        ProgramStory.signIn(DEVELOPER);

        String made = queries.history(ID, 2, null).pageInfo().endCursor();
        String edited = base64("5") + made.substring(made.indexOf('.'));
        for (String cursor : List.of("", "not base64!", base64("history:-1"), base64("history:abc"), base64("42"),
                                     base64("[\"a\",1]"), base64("history:" + Long.MAX_VALUE), edited,
                                     seal.seal("history/another-program", "1"))) {
            assertThatThrownBy(() -> queries.history(ID, 10, cursor)).isInstanceOfSatisfying(
                    RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo(RuleCode.INVALID_CURSOR);
                        assertThat(v.field()).isEqualTo("after");
                    });
        }
    }

    @Test
    void theDeveloperReviewersAndAdminsMayReadTheHistory() {
        for (Actor reader : List.of(DEVELOPER, REVIEWER, ADMIN)) {
            ProgramStory.signIn(reader);
        }
    }

    @Test
    void anotherDeveloperMayNotReadTheHistory() {
        ProgramStory.signIn(STRANGER);

        assertThatThrownBy(() -> queries.history(ID, 50, null)).isInstanceOfSatisfying(
                RuleViolation.class, v -> assertThat(v.code()).isEqualTo(RuleCode.NOT_OWNER));
    }

    @Test
    void anAnonymousReaderMustSignInEvenForAnUnknownProgram() {
        for (String id : List.of(ID, "no-such-program")) {
            assertThatThrownBy(() -> queries.history(id, 50, null)).isInstanceOfSatisfying(
                    RuleViolation.class, v -> assertThat(v.code()).isEqualTo(RuleCode.UNAUTHENTICATED));
        }
    }

    @Test
    void anUnknownProgramIsNotFound() {
        story.event("user-1|" + ID, new Object(), STRANGER, hours(1));
        ProgramStory.signIn(REVIEWER);

        for (String id : List.of("no-such-program", "user-1|" + ID)) {
            assertThatThrownBy(() -> queries.history(id, 50, null)).isInstanceOfSatisfying(
                    RuleViolation.class, v -> assertThat(v.code()).isEqualTo(RuleCode.PROGRAM_NOT_FOUND));
        }
    }

    @Test
    void beforeItsRegistrationAProgramDidNotExist() {
        ProgramStory.signIn(REVIEWER);

        assertThat(asOf(ID, hours(0).minusMillis(1))).isNull();
        assertThat(asOf("no-such-program", hours(100))).isNull();
    }

    @Test
    void asOfAnInstantTheListingIsFoldedFromTheEventsUpToIt() {
        ProgramStory.signIn(DEVELOPER);

        MiniProgramView registered = asOf(ID, hours(0));
        assertThat(registered.name()).isEqualTo("Walmart Scan and Go");
        assertThat(registered.status()).isEqualTo(ProgramStatus.DRAFT);
        assertThat(registered.versions()).isEmpty();

        MiniProgramView inReview = asOf(ID, hours(2).plusSeconds(30));
        assertThat(inReview.name()).isEqualTo("Walmart Scan & Go");
        assertThat(inReview.versions()).singleElement().extracting(v -> v.status())
                                       .isEqualTo(VersionStatus.IN_REVIEW);
        assertThat(inReview.updatedAt()).isEqualTo(hours(2));

        MiniProgramView phased = asOf(ID, hours(55));
        assertThat(phased.status()).isEqualTo(ProgramStatus.LIVE);
        assertThat(phased.currentVersion()).isEqualTo("1.0.0");
        assertThat(phased.versions().get(0).releasePercentage()).isEqualTo(10);
        assertThat(phased.versions().get(0).review().reviewer()).isEqualTo("rita");

        assertThat(asOf(ID, hours(65)).versions().get(0).releasePercentage()).isEqualTo(100);
        assertThat(asOf(ID, hours(1000)).status()).isEqualTo(ProgramStatus.SUSPENDED);
    }

    @Test
    void asOfAnInstantWhenItWasLiveAnyoneMaySeeTheProgram() {
        assertThat(asOf(ID, hours(60)).status()).isEqualTo(ProgramStatus.LIVE);
        ProgramStory.signIn(STRANGER);
        assertThat(asOf(ID, hours(60)).status()).isEqualTo(ProgramStatus.LIVE);
    }

    @Test
    void asOfAnInstantWhenItWasNotLiveOnlyItsDeveloperAndReviewersMaySeeIt() {
        for (Instant at : List.of(hours(1), hours(70))) {
            ProgramStory.signOut();
            assertThat(asOf(ID, at)).isNull();
            ProgramStory.signIn(STRANGER);
            assertThat(asOf(ID, at)).isNull();
            ProgramStory.signIn(DEVELOPER);
            assertThat(asOf(ID, at)).isNotNull();
            ProgramStory.signIn(REVIEWER);
            assertThat(asOf(ID, at)).isNotNull();
        }
    }

    MiniProgramView asOf(String id, Instant at) {
        DataFetcherResult<MiniProgramView> result = queries.miniProgramAsOf(id, at);
        return result == null ? null : result.getData();
    }

    static VersionSubmittedEvent submitted(String version) {
        return new VersionSubmittedEvent(ID, version, "First release", List.of(Permission.CAMERA),
                                         List.of(PrivacyDataUse.ORDER_FULFILMENT), "ab".repeat(32), 1_048_576);
    }

    static Instant hours(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static List<HistoryEntry> nodes(HistoryConnection connection) {
        return connection.edges().stream().map(Edge::node).toList();
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
