package dev.marketplace.app.cannedresponses;

import dev.marketplace.api.program.RejectionReason;
import dev.marketplace.api.rules.RuleCode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.Role;
import dev.marketplace.query.shared.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.util.IdGenerator;

/**
 * Each reviewer's own templates for rejection comments and questions, picked on the review page. A reviewer sees,
 * changes and deletes only their own; someone else's id is answered as missing. At most {@value #MAX_PER_REVIEWER}
 * per reviewer.
 */
@Controller
record CannedResponses(JdbcTemplate jdbc, IdGenerator ids) {

    static final int TITLE_MAX = 100;
    static final int TEXT_MAX = 2000;
    static final int MAX_PER_REVIEWER = 200;

    private static final Clock CLOCK = Clock.systemUTC();

    @QueryMapping
    List<CannedResponse> cannedResponses(@Argument RejectionReason reason) {
        Actor reviewer = reviewer();
        List<Object> args = new ArrayList<>(List.of(reviewer.userId()));
        String sql = "select * from canned_response where reviewer_id = ?";
        if (reason != null) {
            sql += " and reason = ?";
            args.add(reason.name());
        }
        return jdbc.query(sql + " order by reason nulls first, title, id", CannedResponses::toResponse,
                          args.toArray());
    }

    @MutationMapping
    CannedResponse saveCannedResponse(@Argument SaveCannedResponseInput input) {
        Actor reviewer = reviewer();
        String title = text("input.title", input.title(), TITLE_MAX);
        String text = text("input.text", input.text(), TEXT_MAX);
        Timestamp now = Timestamp.from(CLOCK.instant().truncatedTo(ChronoUnit.MILLIS));
        String reason = input.reason() == null ? null : input.reason().name();
        if (input.id() != null) {
            own(reviewer, input.id());
            jdbc.update("update canned_response set reason = ?, title = ?, text = ?, updated_at = ? where id = ?",
                        reason, title, text, now, input.id());
            return own(reviewer, input.id());
        }
        Long count = jdbc.queryForObject("select count(*) from canned_response where reviewer_id = ?", Long.class,
                                         reviewer.userId());
        if (count != null && count >= MAX_PER_REVIEWER) {
            throw RuleViolation.invalidTransition("save another template",
                                                  "you have " + MAX_PER_REVIEWER + "; delete one first");
        }
        String id = ids.generateId().toString();
        jdbc.update("insert into canned_response (id, reviewer_id, reason, title, text, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?)", id, reviewer.userId(), reason, title, text, now);
        return own(reviewer, id);
    }

    @MutationMapping
    CannedResponse deleteCannedResponse(@Argument String id) {
        CannedResponse response = own(reviewer(), id);
        jdbc.update("delete from canned_response where id = ?", id);
        return response;
    }

    private static Actor reviewer() {
        Actor actor = Viewer.required();
        actor.require(Role.REVIEWER);
        return actor;
    }

    private CannedResponse own(Actor reviewer, String id) {
        return jdbc.query("select * from canned_response where id = ? and reviewer_id = ?",
                          CannedResponses::toResponse, id, reviewer.userId()).stream().findFirst()
                   .orElseThrow(() -> new RuleViolation(RuleCode.CANNED_RESPONSE_NOT_FOUND,
                                                        "You have no canned response with id " + id + "."));
    }

    private static String text(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw RuleViolation.invalid(field, "must be 1 to " + max + " characters");
        }
        return stripped;
    }

    private static CannedResponse toResponse(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return new CannedResponse(rs.getString("id"), rs.getString("reviewer_id"),
                                  reason == null ? null : RejectionReason.valueOf(reason), rs.getString("title"),
                                  rs.getString("text"), rs.getTimestamp("updated_at").toInstant());
    }
}
