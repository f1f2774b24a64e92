package dev.marketplace.command.program;

import dev.marketplace.api.program.VersionSubmittedEvent;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.springframework.stereotype.Component;

/**
 * Has every submitted version's package checked: a deadline of its program, due at once, scheduled in the
 * transaction that stores the submission (a subscribing processor). Stored deadlines survive a restart and run once
 * across nodes, and the program's deadline handler records the findings as an event.
 */
@Component
@ProcessingGroup(PackageChecks.PROCESSING_GROUP)
class PackageCheckScheduling {

    private final DeadlineManager deadlines;

    PackageCheckScheduling(DeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(VersionSubmittedEvent event) {
        deadlines.schedule(Duration.ZERO, MiniProgram.PACKAGE_CHECKS, event.version(),
                           new AggregateScopeDescriptor(MiniProgram.class.getSimpleName(), event.programId()));
    }
}
