package dev.marketplace.query.history;

import dev.marketplace.query.shared.PageInfo;
import java.util.List;

/** The schema's HistoryConnection, mapped by property name. */
record HistoryConnection(List<Edge> edges, PageInfo pageInfo) {

    record Edge(HistoryEntry node, String cursor) {
    }
}
