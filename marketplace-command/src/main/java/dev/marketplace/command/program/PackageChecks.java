package dev.marketplace.command.program;

import dev.marketplace.api.program.CheckFinding;
import java.util.List;

/**
 * The automated checks of a submitted package, run asynchronously after submission (a deadline of the program):
 * the code's host API calls against the manifest's permissions, secrets, native executables, dynamic code. Kept by
 * the application, which holds the packages.
 */
public interface PackageChecks {

    /** The subscribing processor that schedules each submitted version's checks ({@code PackageCheckScheduling}). */
    String PROCESSING_GROUP = "package-check-scheduling";

    /** What the checks find in the package {@code digest} of program {@code programId}; empty when all is well. */
    List<CheckFinding> check(String programId, String digest);
}
