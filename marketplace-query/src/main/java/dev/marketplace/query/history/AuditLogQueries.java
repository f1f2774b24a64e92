package dev.marketplace.query.history;

import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.shared.CursorSeal;
import dev.marketplace.query.shared.PageInfo;
import dev.marketplace.query.shared.Viewer;
import dev.marketplace.query.history.AuditConnection.Edge;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Every decision one reviewer or admin made, across programs: for admins only. */
@Controller
record AuditLogQueries(AuditLog log, CursorSeal seal) {

    @QueryMapping
    AuditConnection auditLog(@Argument String actor, @Argument Instant from, @Argument Instant to,
                             @Argument int first, @Argument String after) {
        Actor viewer = Viewer.current().orElseThrow(() -> new RuleViolation(
                RuleCode.UNAUTHENTICATED, "Sign in to read the audit log."));
        viewer.require(Role.ADMIN);
        int size = HistoryQueries.pageSize(first);
        AuditCursor position = after == null ? null : AuditCursor.decode(seal, actor, after);
        List<AuditEntry> rows = log.decisions(actor, from, to, position == null ? null : position.at(),
                                              position == null ? null : position.eventId(), size + 1);
        List<Edge> edges = rows.stream().limit(size)
                               .map(e -> new Edge(e, AuditCursor.encode(seal, actor, e))).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new AuditConnection(edges, new PageInfo(rows.size() > size, endCursor));
    }
}
