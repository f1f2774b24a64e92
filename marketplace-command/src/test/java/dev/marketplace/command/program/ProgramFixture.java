package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static java.util.stream.Collectors.toUnmodifiableSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import dev.marketplace.api.program.ApproveVersionCommand;
import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.CheckFinding;
import dev.marketplace.api.program.ClaimReviewCommand;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.RegisterMiniProgramCommand;
import dev.marketplace.api.program.RejectVersionCommand;
import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.program.ReleaseVersionCommand;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.SubmitVersionCommand;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.program.WithdrawVersionCommand;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;

/**
 * The sample program, people and messages that the {@link MiniProgram} fixture tests share. Its name table is an
 * in-memory stand-in that compares names the way the real one does, through {@link ProgramNames#key}.
 */
final class ProgramFixture {

    static final String PROGRAM_ID = "prog-1";
    static final String NAME = "Coffee Shop";
    static final String SUMMARY = "Order coffee ahead and skip the queue";
    static final String DESCRIPTION = "Pick a drink, pay in the app, collect it at the counter.";
    static final List<String> TAGS = List.of("coffee", "ordering");
    static final String ICON = "https://cdn.example.com/icons/coffee.png";
    static final String DIGEST = "0123456789abcdef".repeat(4);
    static final long SIZE = 2L * 1024 * 1024;
    /** A second package, which only {@link #OTHER_DEVELOPER} uploaded. */
    static final String OTHERS_DIGEST = "fedcba9876543210".repeat(4);
    /** What the package's manifest asks for: less than the version declares, which is allowed. */
    static final Set<Permission> MANIFEST_PERMISSIONS = Set.of(Permission.LOCATION);
    static final String CHANGELOG = "First release";
    static final List<Permission> PERMISSIONS = List.of(Permission.LOCATION, Permission.PAYMENT);
    static final List<PrivacyDataUse> PRIVACY_USES = List.of(PrivacyDataUse.ORDER_FULFILMENT);

    static final Actor OWNER = Actor.of("dev-1", Role.DEVELOPER);
    static final Actor OTHER_DEVELOPER = Actor.of("dev-2", Role.DEVELOPER);
    static final Actor REVIEWER = Actor.of("rev-1", Role.REVIEWER);
    static final Actor OTHER_REVIEWER = Actor.of("rev-2", Role.REVIEWER);
    /** The owner who is also a reviewer: the four-eyes rule still keeps them from reviewing their own program. */
    static final Actor OWNER_AS_REVIEWER = Actor.of(OWNER.userId(), Role.DEVELOPER, Role.REVIEWER);
    static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN);
    static final Actor PLAIN_USER = Actor.of("user-1", Role.USER);

    static final ProgramPolicy POLICY = new ProgramPolicy(Duration.ofHours(48), Duration.ofDays(14),
                                                          ProgramPolicy.PhasedTimeoutAction.COMPLETE);
    static final ProgramPolicy EXPIRE_POLICY = new ProgramPolicy(POLICY.reviewSla(), POLICY.phasedReleaseTimeout(),
                                                                 ProgramPolicy.PhasedTimeoutAction.EXPIRE);

    /** Package checks that find nothing. */
    static final PackageChecks PASSING_CHECKS = (programId, digest) -> List.of();

    /** The fixed clock of the deadline tests. */
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private ProgramFixture() {
    }

    /** A fixture whose name table already holds {@code takenNames}. */
    static AggregateTestFixture<MiniProgram> newFixture(String... takenNames) {
        return newFixture(POLICY, takenNames);
    }

    /** A fixture under {@code policy} whose name table already holds {@code takenNames}. */
    static AggregateTestFixture<MiniProgram> newFixture(ProgramPolicy policy, String... takenNames) {
        Set<String> taken = Arrays.stream(takenNames).map(ProgramNames::key).collect(toUnmodifiableSet());
        ProgramNames names = name -> taken.contains(ProgramNames.key(name));
        AggregateTestFixture<MiniProgram> fixture = new AggregateTestFixture<>(MiniProgram.class);
        fixture.registerInjectableResource(names);
        // No image is uploaded in these tests: a listing that names one is refused.
        fixture.registerInjectableResource((MediaLibrary) digest -> java.util.Optional.empty());
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(uploads());
        fixture.registerInjectableResource(PASSING_CHECKS);
        return fixture;
    }

    /**
     * The upload table's stand-in: the owner and the admin uploaded {@link #DIGEST}, the other developer uploaded
     * {@link #OTHERS_DIGEST}.
     */
    static UploadedPackages uploads() {
        Map<String, Set<String>> uploaders = Map.of(DIGEST, Set.of(OWNER.userId(), ADMIN.userId()),
                                                    OTHERS_DIGEST, Set.of(OTHER_DEVELOPER.userId()));
        return (digest, uploader) -> uploaders.getOrDefault(digest, Set.of()).contains(uploader)
                ? Optional.of(new UploadedPackages.UploadedPackage(digest, SIZE, MANIFEST_PERMISSIONS))
                : Optional.empty();
    }

    /** The metadata a command carries when {@code actor} sends it. */
    static Map<String, Object> by(Actor actor) {
        return ActorMetadata.of(actor);
    }

    /**
     * {@code command} as {@code actor} sends it, for {@code givenCommands}: unlike given events, given commands
     * schedule and cancel deadlines.
     */
    static CommandMessage<?> sentBy(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(by(actor));
    }

    static RegisterMiniProgramCommand register(String name) {
        return new RegisterMiniProgramCommand(PROGRAM_ID, name, SUMMARY, DESCRIPTION, Category.FOOD_AND_DRINK, TAGS,
                                              ICON);
    }

    static MiniProgramRegisteredEvent registered() {
        return new MiniProgramRegisteredEvent(PROGRAM_ID, OWNER.userId(), NAME, SUMMARY, DESCRIPTION,
                                              Category.FOOD_AND_DRINK, TAGS, ICON);
    }

    static SubmitVersionCommand submit(String version) {
        return new SubmitVersionCommand(PROGRAM_ID, version, CHANGELOG, PERMISSIONS, PRIVACY_USES, DIGEST, SIZE);
    }

    static VersionSubmittedEvent submitted(String version) {
        return new VersionSubmittedEvent(PROGRAM_ID, version, CHANGELOG, PERMISSIONS, PRIVACY_USES, DIGEST, SIZE);
    }

    static ApproveVersionCommand approve(String version) {
        return new ApproveVersionCommand(PROGRAM_ID, version, null, false);
    }

    static VersionApprovedEvent approved(String version) {
        return new VersionApprovedEvent(PROGRAM_ID, version, REVIEWER.userId(), null);
    }

    /** The package checks of {@code version} ran and found {@code findings}. */
    static PackageCheckedEvent checked(String version, CheckFinding... findings) {
        return new PackageCheckedEvent(PROGRAM_ID, version, List.of(findings));
    }

    static ReleaseVersionCommand release(String version, int percentage) {
        return new ReleaseVersionCommand(PROGRAM_ID, version, percentage);
    }

    static VersionReleasedEvent released(String version, int percentage) {
        return new VersionReleasedEvent(PROGRAM_ID, version, percentage);
    }

    static WithdrawVersionCommand withdraw(String version) {
        return new WithdrawVersionCommand(PROGRAM_ID, version);
    }

    static ClaimReviewCommand claim(String version) {
        return new ClaimReviewCommand(PROGRAM_ID, version);
    }

    static ReviewClaimedEvent claimed(String version, Actor reviewer) {
        return new ReviewClaimedEvent(PROGRAM_ID, version, reviewer.userId());
    }

    static RejectVersionCommand reject(String version, RejectionReason... reasons) {
        return new RejectVersionCommand(PROGRAM_ID, version, List.of(reasons), null);
    }

    static MiniProgramSuspendedEvent suspended() {
        return new MiniProgramSuspendedEvent(PROGRAM_ID, REVIEWER.userId(), "Takes payments for goods it never ships");
    }

    static MiniProgramDelistedEvent delisted() {
        return new MiniProgramDelistedEvent(PROGRAM_ID);
    }

    /** The history of a registered program in which each of {@code versions} was submitted and then approved. */
    static List<Object> withApproved(String... versions) {
        List<Object> history = new ArrayList<>(List.of(registered()));
        for (String version : versions) {
            history.add(submitted(version));
            history.add(checked(version));
            history.add(approved(version));
        }
        return history;
    }

    /** The history of a live program: each of {@code versions} approved and then released to everyone in turn. */
    static List<Object> withReleased(String... versions) {
        List<Object> history = withApproved(versions);
        Arrays.stream(versions).forEach(version -> history.add(released(version, 100)));
        return history;
    }

    /**
     * {@code command}, sent by the owner of a registered program, is refused as INVALID_INPUT on {@code field}, with
     * a message that starts with the field's name.
     */
    static void refusedAsInvalid(AggregateTestFixture<MiniProgram> fixture, Object command, String field) {
        refused(fixture.given(registered())
                       .when(command, by(OWNER)),
                violates(RuleCode.INVALID_INPUT, field).saying(startsWith(field + ": ")));
    }

    /** A command's answer: the program in {@code status} whose users get {@code currentVersion}. */
    static Matcher<MiniProgramView> programIn(ProgramStatus status, String currentVersion) {
        return satisfies(MiniProgramView.class, view -> {
            assertThat(view.id()).isEqualTo(PROGRAM_ID);
            assertThat(view.status()).isEqualTo(status);
            assertThat(view.currentVersion()).isEqualTo(currentVersion);
        });
    }

    /** A command's answer: version {@code number} in {@code status}. */
    static Matcher<VersionView> versionIn(String number, VersionStatus status) {
        return satisfies(VersionView.class, view -> {
            assertThat(view.number()).isEqualTo(number);
            assertThat(view.status()).isEqualTo(status);
        });
    }

    /** The status of each version of {@code program}, by number, in the order they were submitted. */
    static Map<String, VersionStatus> versionStatuses(MiniProgramView program) {
        Map<String, VersionStatus> statuses = new LinkedHashMap<>();
        program.versions().forEach(v -> statuses.put(v.number(), v.status()));
        return statuses;
    }
}
