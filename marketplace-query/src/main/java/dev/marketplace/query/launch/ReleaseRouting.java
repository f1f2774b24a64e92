package dev.marketplace.query.launch;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.program.VersionStatus;
import dev.marketplace.api.program.VersionView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which version of a live program a user runs. Each (program, user) pair has a bucket from 0 to
 * {@value #BUCKETS}-1, a stable hash of the two ids: the same on every node and after restarts, with no state per
 * user. A phased release to {@code p} % serves the users whose bucket is below {@code p} % of the buckets, everyone
 * else runs the current (fully released) version. Widening raises the bound, so everyone already in stays in; a
 * rollback leaves no phased version, so everyone runs its target. A program's first release, while phased, serves
 * everyone: there is nothing older to fall back to.
 */
public final class ReleaseRouting {

    static final int BUCKETS = 10_000;

    private ReleaseRouting() {
    }

    /** One live version and the percentage of users it serves. */
    public record Share(VersionView version, int percentage) {
    }

    /** The user's bucket for this program, from 0 to {@value #BUCKETS}-1. */
    static int bucket(String programId, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                                       .digest((programId + '\u0000' + userId).getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The version {@code userId} runs now, or empty while nothing is released. */
    static Optional<VersionView> versionFor(MiniProgramView program, String userId) {
        Optional<VersionView> current = current(program);
        Optional<VersionView> phased = phased(program, current);
        if (phased.isPresent() && bucket(program.id(), userId) < phased.get().releasePercentage() * (BUCKETS / 100)) {
            return phased;
        }
        return current;
    }

    /** Every version users run now, with the share of users each serves (together 100, or none). */
    public static List<Share> shares(MiniProgramView program) {
        Optional<VersionView> current = current(program);
        Optional<VersionView> phased = phased(program, current);
        List<Share> shares = new ArrayList<>();
        phased.ifPresent(v -> shares.add(new Share(v, v.releasePercentage())));
        current.ifPresent(v -> shares.add(new Share(v, 100 - phased.map(VersionView::releasePercentage).orElse(0))));
        return shares;
    }

    private static Optional<VersionView> current(MiniProgramView program) {
        return program.versions() == null ? Optional.empty()
                : program.versions().stream().filter(v -> v.number().equals(program.currentVersion())).findFirst();
    }

    /** A released version other than the current one, which then is released to fewer than all users. */
    private static Optional<VersionView> phased(MiniProgramView program, Optional<VersionView> current) {
        return program.versions() == null ? Optional.empty()
                : program.versions().stream().filter(v -> v.status() == VersionStatus.RELEASED
                                                          && v.releasePercentage() < 100
                                                          && current.map(c -> !c.number().equals(v.number()))
                                                                    .orElse(true))
                         .findFirst();
    }
}
