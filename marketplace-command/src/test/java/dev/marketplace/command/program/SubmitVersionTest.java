package dev.marketplace.command.program;

import static dev.marketplace.command.fixtures.FixtureMatchers.refused;
import static dev.marketplace.command.fixtures.FixtureMatchers.satisfies;
import static dev.marketplace.command.fixtures.FixtureMatchers.violates;
import static dev.marketplace.command.program.ProgramFixture.ADMIN;
import static dev.marketplace.command.program.ProgramFixture.CHANGELOG;
import static dev.marketplace.command.program.ProgramFixture.DIGEST;
import static dev.marketplace.command.program.ProgramFixture.OTHERS_DIGEST;
import static dev.marketplace.command.program.ProgramFixture.OTHER_DEVELOPER;
import static dev.marketplace.command.program.ProgramFixture.OWNER;
import static dev.marketplace.command.program.ProgramFixture.PERMISSIONS;
import static dev.marketplace.command.program.ProgramFixture.PRIVACY_USES;
import static dev.marketplace.command.program.ProgramFixture.PROGRAM_ID;
import static dev.marketplace.command.program.ProgramFixture.REVIEWER;
import static dev.marketplace.command.program.ProgramFixture.SIZE;
import static dev.marketplace.command.program.ProgramFixture.by;
import static dev.marketplace.command.program.ProgramFixture.newFixture;
import static dev.marketplace.command.program.ProgramFixture.refusedAsInvalid;
import static dev.marketplace.command.program.ProgramFixture.registered;
import static dev.marketplace.command.program.ProgramFixture.submit;
import static dev.marketplace.command.program.ProgramFixture.submitted;
import static dev.marketplace.command.program.ProgramFixture.withApproved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.SubmitVersionCommand;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionView;
import dev.marketplace.api.rules.RuleCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitVersionTest {

    private final AggregateTestFixture<MiniProgram> fixture = newFixture();

    @Test
    void canSubmitAFirstVersion() {
        fixture.given(registered())
               .when(submit("1.0.0"), by(OWNER))
               .expectEvents(submitted("1.0.0"))
               .expectResultMessagePayloadMatching(satisfies(VersionView.class, view -> {
                   assertThat(view.id()).isEqualTo(PROGRAM_ID + "/1.0.0");
                   assertThat(view.number()).isEqualTo("1.0.0");
                   assertThat(view.status()).isEqualTo(VersionStatus.IN_REVIEW);
                   assertThat(view.packageDigest()).isEqualTo(DIGEST);
                   assertThat(view.submittedAt()).isEqualTo(fixture.currentTime());
                   assertThat(view.review()).isNull();
                   assertThat(view.releasePercentage()).isZero();
               }));
    }

    @Test
    void anAdminMaySubmitForSomeoneElsesProgram() {
        fixture.given(registered())
               .when(submit("1.0.0"), by(ADMIN))
               .expectEvents(submitted("1.0.0"));
    }

    @ParameterizedTest
    @CsvSource({"1.0.0-beta, 1.0.0", "1.0.0-beta.2, 1.0.0-beta.11", "1.0.0-alpha, 1.0.0-alpha.1",
                "1.0.0-alpha.1, 1.0.0-alpha.beta", "1.0.0-beta, 1.0.0-rc.1", "1.9.0, 1.10.0", "1.0.0, 2.0.0-rc.1"})
    void canSubmitANewerVersionOnceTheLastIsDecided(String earlier, String newer) {
        fixture.given(withApproved(earlier))
               .when(submit(newer), by(OWNER))
               .expectEvents(submitted(newer));
    }

    @Test
    void storesTheDigestLowerCaseWithoutItsPrefix() {
        SubmitVersionCommand prefixed = new SubmitVersionCommand(PROGRAM_ID, " 1.0.0 ", CHANGELOG, PERMISSIONS,
                                                                 PRIVACY_USES, " SHA256:" + DIGEST.toUpperCase() + " ",
                                                                 SIZE);
        fixture.given(registered())
               .when(prefixed, by(OWNER))
               .expectEvents(submitted("1.0.0"))
               .expectResultMessagePayloadMatching(
                       satisfies(VersionView.class, view -> assertThat(view.packageDigest()).isEqualTo(DIGEST)));
    }

    @Test
    void takesTheSizeFromTheUploadedPackageWhenNoneIsGiven() {
        fixture.given(registered())
               .when(withPackage(DIGEST, null), by(OWNER))
               .expectEvents(new VersionSubmittedEvent(PROGRAM_ID, "1.0.0", CHANGELOG, PERMISSIONS, PRIVACY_USES,
                                                       DIGEST, SIZE));
    }

    @Test
    void cannotSubmitAPackageNobodyUploaded() {
        refused(fixture.given(registered())
                       .when(withPackage("ab".repeat(32), null), by(OWNER)),
                violates(RuleCode.PACKAGE_NOT_FOUND, "packageDigest").saying(containsString("POST it to /packages")));
    }

    @Test
    void cannotSubmitAPackageAnotherDeveloperUploaded() {
        fixture.given(registered())
               .when(withPackage(OTHERS_DIGEST, null), by(OWNER))
               .expectNoEvents()
               .expectException(violates(RuleCode.PACKAGE_NOT_FOUND, "packageDigest"));
    }

    @Test
    void cannotDeclareFewerPermissionsThanThePackageAsksFor() {
        refused(fixture.given(registered())
                       .when(declaring(CHANGELOG, List.of(Permission.PAYMENT), PRIVACY_USES), by(OWNER)),
                violates(RuleCode.PERMISSIONS_MISMATCH, "permissions").saying(containsString("[LOCATION]")));
    }

    @Test
    void cannotSubmitForSomeoneElsesProgram() {
        refused(fixture.given(registered())
                       .when(submit("1.0.0"), by(OTHER_DEVELOPER)),
                violates(RuleCode.NOT_OWNER).saying(containsString("owns this mini-program")));
    }

    @Test
    void cannotSubmitWithoutTheDeveloperRole() {
        refused(fixture.given(registered())
                       .when(submit("1.0.0"), by(REVIEWER)),
                violates(RuleCode.ROLE_REQUIRED).saying(containsString("DEVELOPER")));
    }

    @Test
    void cannotSubmitWhenNotSignedIn() {
        refused(fixture.given(registered())
                       .when(submit("1.0.0")),
                violates(RuleCode.UNAUTHENTICATED).saying("Sign in to do this."));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.2.3.4", "one"})
    void cannotSubmitAMalformedVersion(String version) {
        refused(fixture.given(registered())
                       .when(submit(version), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "version").saying(startsWith("version: ")));
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0", "1.0.0, 0.9.9", "1.0.0, 1.0.0-beta", "1.0.0-beta.11, 1.0.0-beta.2",
                "1.0.0-rc.1, 1.0.0-beta.9", "1.0.0, 1.0.0+build.5", "2.0.0, 1.99.99"})
    void cannotSubmitAVersionThatIsNotNewer(String earlier, String submitted) {
        refused(fixture.given(withApproved(earlier))
                       .when(submit(submitted), by(OWNER)),
                violates(RuleCode.VERSION_NOT_NEWER, "version")
                        .saying(containsString("must be greater than " + earlier)));
    }

    @Test
    void cannotSubmitWhileAnotherVersionIsInReview() {
        refused(fixture.given(registered(), submitted("1.0.0"))
                       .when(submit("1.1.0"), by(OWNER)),
                violates(RuleCode.VERSION_IN_REVIEW).saying(containsString("1.0.0 is still in review")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
                            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
                            "md5:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                            "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void cannotSubmitAMalformedDigest(String digest) {
        refused(fixture.given(registered())
                       .when(withPackage(digest, SIZE), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "packageDigest").saying(startsWith("packageDigest: ")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, SIZE - 1, SIZE + 1})
    void cannotGiveASizeOtherThanTheUploadedPackages(long size) {
        refused(fixture.given(registered())
                       .when(withPackage(DIGEST, size), by(OWNER)),
                violates(RuleCode.INVALID_INPUT, "packageSize").saying(containsString("not " + size)));
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                arguments("changelog", declaring(" ", PERMISSIONS, PRIVACY_USES)),
                arguments("changelog", declaring("c".repeat(5001), PERMISSIONS, PRIVACY_USES)),
                arguments("permissions", declaring(CHANGELOG, List.of(Permission.CAMERA, Permission.CAMERA),
                                                   PRIVACY_USES)),
                arguments("permissions", declaring(CHANGELOG, Arrays.asList(Permission.CAMERA, null), PRIVACY_USES)),
                arguments("privacyUses", declaring(CHANGELOG, PERMISSIONS,
                                                   List.of(PrivacyDataUse.ANALYTICS, PrivacyDataUse.ANALYTICS))));
    }

    @ParameterizedTest(name = "{index}: {0} in {1}")
    @MethodSource("invalidDeclarations")
    void cannotSubmitAnInvalidDeclaration(String field, SubmitVersionCommand command) {
        refusedAsInvalid(fixture, command, field);
    }

    private static SubmitVersionCommand withPackage(String digest, Long size) {
        return new SubmitVersionCommand(PROGRAM_ID, "1.0.0", CHANGELOG, PERMISSIONS, PRIVACY_USES, digest, size);
    }

    private static SubmitVersionCommand declaring(String changelog, List<Permission> permissions,
                                                  List<PrivacyDataUse> privacyUses) {
        return new SubmitVersionCommand(PROGRAM_ID, "1.0.0", changelog, permissions, privacyUses, DIGEST, SIZE);
    }
}
