package dev.marketplace.query.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.ProgramStatus;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Grey release over 10,000 simulated users: a 20 % release serves 20 % ± 2 % of them, widening to 50 % keeps
 * everyone already in, and a rollback sends everyone to its target. The states are the read model's, as the
 * program's events leave them.
 */
class ReleaseRoutingTest {

    private static final String PROGRAM = "7c1d2e9a-5b1f-4b8e-9a51-3f0c2d4e6a70";
    private static final List<String> USERS = IntStream.range(0, 10_000).mapToObj(i -> "user-" + i).toList();

    @Test
    void aPhasedReleaseServesItsShareWideningKeepsEveryoneInAndARollbackMovesAll() {
        MiniProgramView at20 = program("1.0.0", released("1.0.0", 100), released("2.0.0", 20));
        MiniProgramView at50 = program("1.0.0", released("1.0.0", 100), released("2.0.0", 50));
        MiniProgramView rolledBack = program("1.0.0", released("1.0.0", 100), superseded("2.0.0", 50));

        Set<String> newAt20 = runningVersion(at20, "2.0.0");
        Set<String> newAt50 = runningVersion(at50, "2.0.0");

        assertThat(newAt20.size()).isBetween(1_800, 2_200);
        assertThat(newAt50.size()).isBetween(4_800, 5_200);
        assertThat(newAt50).containsAll(newAt20);
        assertThat(runningVersion(rolledBack, "1.0.0")).hasSize(USERS.size());
    }

    @Test
    void theSameUserGetsTheSameVersionEveryTimeAndOtherProgramsSplitUsersDifferently() {
        MiniProgramView at20 = program("1.0.0", released("1.0.0", 100), released("2.0.0", 20));
        MiniProgramView other = new MiniProgramView("another-program", at20.developerId(), at20.name(), at20.summary(),
                                                    null, at20.category(), at20.tags(), null, ProgramStatus.LIVE,
                                                    "1.0.0", at20.versions(), Instant.EPOCH, Instant.EPOCH);

        assertThat(runningVersion(at20, "2.0.0")).isEqualTo(runningVersion(at20, "2.0.0"));
        assertThat(runningVersion(other, "2.0.0")).isNotEqualTo(runningVersion(at20, "2.0.0"));
    }

    @Test
    void aFirstReleaseThatIsPhasedServesEveryoneAsThereIsNothingOlder() {
        MiniProgramView first = program("1.0.0", released("1.0.0", 20));

        assertThat(runningVersion(first, "1.0.0")).hasSize(USERS.size());
        assertThat(ReleaseRouting.shares(first)).extracting(ReleaseRouting.Share::percentage).containsExactly(100);
    }

    @Test
    void theSharesOfAPhasedReleaseAndTheCurrentVersionAddUpToAll() {
        MiniProgramView at20 = program("1.0.0", released("1.0.0", 100), released("2.0.0", 20));

        Map<String, Integer> shares = ReleaseRouting.shares(at20).stream().collect(Collectors.toMap(
                s -> s.version().number(), ReleaseRouting.Share::percentage));
        assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of("2.0.0", 20, "1.0.0", 80));
    }

    @Test
    void bucketsAreSpreadEvenly() {
        int[] tenths = new int[10];
        USERS.forEach(u -> tenths[ReleaseRouting.bucket(PROGRAM, u) * 10 / ReleaseRouting.BUCKETS]++);

        assertThat(Arrays.stream(tenths).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(900, 1_100));
    }

    private static Set<String> runningVersion(MiniProgramView program, String number) {
        return USERS.stream().filter(u -> ReleaseRouting.versionFor(program, u).orElseThrow().number().equals(number))
                    .collect(Collectors.toSet());
    }

    private static MiniProgramView program(String current, VersionView... versions) {
        return new MiniProgramView(PROGRAM, "dev-1", "Harbour Ferry", "Tickets", null, Category.TRANSPORT, List.of(),
                                   null, ProgramStatus.LIVE, current, List.of(versions), Instant.EPOCH, Instant.EPOCH);
    }

    private static VersionView released(String number, int percentage) {
        return version(number, VersionStatus.RELEASED, percentage);
    }

    private static VersionView superseded(String number, int percentage) {
        return version(number, VersionStatus.SUPERSEDED, percentage);
    }

    private static VersionView version(String number, VersionStatus status, int percentage) {
        return new VersionView(PROGRAM + "/" + number, PROGRAM, number, status, "changes", List.of(), List.of(),
                               "ab".repeat(32), 1024, Instant.EPOCH, null, percentage, false, null);
    }
}
