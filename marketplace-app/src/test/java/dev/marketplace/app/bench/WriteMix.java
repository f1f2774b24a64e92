package dev.marketplace.app.bench;

import static org.awaitility.Awaitility.await;

import dev.marketplace.api.security.Role;
import dev.marketplace.app.support.Marketplace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write path's command mix, one command per call: four in ten move a program along its lifecycle (register,
 * submit, approve, release, in that order per program), four in ten install a live program, two in ten rate one
 * the caller installed. Commands go over GraphQL with the caller's token, the way clients send them.
 */
final class WriteMix implements OpenLoad.Operation {

    static final String REGISTER = "mutation($input: RegisterMiniProgramInput!) { registerMiniProgram(input: $input) { id } }";
    static final String SUBMIT = "mutation($input: SubmitVersionInput!) { submitVersion(input: $input) { id } }";
    static final String APPROVE = "mutation($id: ID!) { approveVersion(versionId: $id, comment: \"ok\") { id } }";
    static final String RELEASE = "mutation($id: ID!) { releaseVersion(versionId: $id) { id } }";
    static final String INSTALL = "mutation($id: ID!) { installMiniProgram(id: $id) { installed } }";
    static final String RATE = "mutation($input: RateInput!) { rateMiniProgram(input: $input) { id } }";
    static final int DEVELOPERS = 50;
    static final int USERS = 5000;

    private record Step(String kind, String developer, String programId, String versionId) {
    }

    private record Installed(String user, String programId) {
    }

    private final GraphQl graphQl;
    private final String run;
    private final Queue<Step> pending = new ConcurrentLinkedQueue<>();
    private final Queue<Installed> rateable = new ConcurrentLinkedQueue<>();
    private final List<String> live = new CopyOnWriteArrayList<>();
    /** Numbers new program names: each load run counts its operations from 0 again. */
    private final AtomicLong names = new AtomicLong();
    private final AtomicLong refusedApprovals = new AtomicLong();

    WriteMix(GraphQl graphQl, String run, List<String> livePrograms) {
        this.graphQl = graphQl;
        this.run = run;
        this.live.addAll(livePrograms);
    }

    @Override
    public boolean run(long n) {
        int slot = (int) (n % 10);
        if (slot < 4) {
            lifecycle(n);
        } else if (slot < 8) {
            install(n);
        } else {
            Installed installed = rateable.poll();
            if (installed == null) {
                install(n);
            } else {
                graphQl.call(installed.user(), Role.USER, RATE, Map.of("input", Map.of(
                        "miniProgramId", installed.programId(), "stars", 1 + (int) (n % 5), "text", "rated " + n)));
            }
        }
        return true;
    }

    /** Approvals refused so far because their version's package checks had not finished. */
    long refusedApprovals() {
        return refusedApprovals.get();
    }

    /** Registers (and publishes) a program with one more tag through GraphQL; returns its id once it is live. */
    String publish(String developer, String name, String tag) {
        String id = register(developer, name, tag);
        String version = submit(developer, id);
        approve(version);
        graphQl.call(developer, Role.DEVELOPER, RELEASE, Map.of("id", version));
        return id;
    }

    /**
     * The next step of some program's lifecycle. An approval the package checks have not finished for is refused
     * (CHECKS_PENDING), as a reviewer's would be: the step goes back to the queue, and a client never waits for the
     * checks, which run apart from any command. The refusal counts as the command it is.
     */
    private void lifecycle(long n) {
        Step step = pending.poll();
        if (step == null) {
            registerNext(n);
            return;
        }
        switch (step.kind()) {
            case "submit" -> pending.add(new Step("approve", step.developer(), step.programId(),
                                                  submit(step.developer(), step.programId())));
            case "approve" -> pending.add(approvedNow(step.versionId())
                    ? new Step("release", step.developer(), step.programId(), step.versionId()) : step);
            default -> {
                graphQl.call(step.developer(), Role.DEVELOPER, RELEASE, Map.of("id", step.versionId()));
                live.add(step.programId());
            }
        }
    }

    private void registerNext(long n) {
        String developer = "bench-dev-" + (n % DEVELOPERS);
        pending.add(new Step("submit", developer, register(developer, run + " Write Program " + names.incrementAndGet(),
                                                           "order-ahead"), null));
    }

    /** One approval; false when it was refused because the version's package checks are still running. */
    private boolean approvedNow(String versionId) {
        try {
            graphQl.call("bench-reviewer", Role.REVIEWER, APPROVE, Map.of("id", versionId));
            return true;
        } catch (IllegalStateException refused) {
            if (String.valueOf(refused.getMessage()).contains("CHECKS_PENDING")) {
                refusedApprovals.incrementAndGet();
                return false;
            }
            throw refused;
        }
    }

    private void install(long n) {
        String user = "bench-user-" + (n * 7919 % USERS);
        String program = live.get((int) (n * 31 % live.size()));
        graphQl.call(user, Role.USER, INSTALL, Map.of("id", program));
        rateable.add(new Installed(user, program));
    }

    private String register(String developer, String name, String tag) {
        return graphQl.call(developer, Role.DEVELOPER, REGISTER, Map.of("input", Map.of(
                "name", name, "summary", "Order ahead and pay in the app", "description",
                "Benchmark program: browse the menu, order ahead and pick up without queueing.",
                "category", "FOOD_AND_DRINK", "tags", List.of("bench", tag))))
                      .at("/registerMiniProgram/id").asText();
    }

    private String submit(String developer, String programId) {
        return graphQl.call(developer, Role.DEVELOPER, SUBMIT, Map.of("input", Map.of(
                "miniProgramId", programId, "version", "1.0.0", "changelog", "First release",
                "permissions", List.of("CAMERA"), "privacyUses", List.of("ORDER_FULFILMENT"),
                "packageDigest", graphQl.upload(developer, Marketplace.GOOD_PACKAGE))))
                      .at("/submitVersion/id").asText();
    }

    /** Approves once the package checks ran: until then the approval is refused with CHECKS_PENDING. */
    private void approve(String versionId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
               .until(() -> graphQl.call("bench-reviewer", Role.REVIEWER, APPROVE, Map.of("id", versionId)) != null);
    }
}
