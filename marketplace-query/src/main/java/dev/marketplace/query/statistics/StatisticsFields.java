package dev.marketplace.query.statistics;

import dev.marketplace.api.program.MiniProgramView;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.query.shared.Viewer;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code MiniProgram.statistics}: a program's figures per day, for its developer and reviewers only. */
@Controller
record StatisticsFields(ProgramStatistics statistics) {

    @SchemaMapping(typeName = "MiniProgram")
    List<DailyStatistics> statistics(MiniProgramView program, @Argument LocalDate from, @Argument LocalDate to) {
        Actor viewer = Viewer.required();
        if (!Viewer.isOwnerOrReviewer(viewer, program.developerId())) {
            throw new RuleViolation(RuleCode.NOT_OWNER,
                                    "Only the program's developer and reviewers see its statistics.");
        }
        return statistics.between(program.id(), from, to);
    }
}
