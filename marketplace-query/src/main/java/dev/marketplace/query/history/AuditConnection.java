package dev.marketplace.query.history;

import dev.marketplace.query.shared.PageInfo;
import java.util.List;

/** The schema's AuditConnection, mapped by property name. */
record AuditConnection(List<Edge> edges, PageInfo pageInfo) {

    record Edge(AuditEntry node, String cursor) {
    }
}
