package dev.marketplace.app.webhooks;

import dev.marketplace.app.shared.EnumSetColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The webhook tables: endpoints, program owners, and deliveries with their attempts. */
@Repository
class Webhooks {

    private final JdbcTemplate jdbc;

    Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(Webhook webhook, String secret) {
        jdbc.update("insert into webhook (id, owner_id, url, events, secret, created_at) values (?, ?, ?, ?, ?, ?)",
                    webhook.id(), webhook.ownerId(), webhook.url(), EnumSetColumn.write(webhook.events()), secret,
                    Timestamp.from(webhook.createdAt()));
    }

    List<Webhook> ownedBy(String ownerId) {
        return jdbc.query("select * from webhook where owner_id = ? and deleted_at is null order by created_at, id",
                          Webhooks::toWebhook, ownerId);
    }

    Optional<Webhook> find(String id) {
        return jdbc.query("select * from webhook where id = ? and deleted_at is null", Webhooks::toWebhook, id)
                   .stream().findFirst();
    }

    void delete(String id, Instant at) {
        jdbc.update("update webhook set deleted_at = ? where id = ?", Timestamp.from(at), id);
        jdbc.update("update webhook_delivery set status = 'DEAD', last_error = 'endpoint deleted'"
                    + " where webhook_id = ? and status = 'PENDING'", id);
    }

    String secretOf(String webhookId) {
        return jdbc.queryForObject("select secret from webhook where id = ?", String.class, webhookId);
    }

    void ownProgram(String programId, String developerId) {
        jdbc.update("insert into webhook_program (program_id, developer_id) select ?, ?"
                    + " where not exists (select 1 from webhook_program where program_id = ?)",
                    programId, developerId, programId);
    }

    /** The live endpoints of the program's owner that subscribed to {@code event}. */
    List<Webhook> subscribedTo(String programId, WebhookEvent event) {
        return jdbc.query("select w.* from webhook w join webhook_program p on p.developer_id = w.owner_id"
                          + " where p.program_id = ? and w.deleted_at is null", Webhooks::toWebhook, programId)
                   .stream().filter(w -> w.events().contains(event)).toList();
    }

    /** Queues the event for the endpoint once: a second insert of the same pair changes nothing. */
    void enqueue(String id, String webhookId, String eventId, WebhookEvent type, String payload, Instant at) {
        jdbc.update("insert into webhook_delivery (id, webhook_id, event_id, event_type, payload, status, attempts,"
                    + " created_at, next_attempt_at) select ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?"
                    + " where not exists (select 1 from webhook_delivery where webhook_id = ? and event_id = ?)",
                    id, webhookId, eventId, type.name(), payload, Timestamp.from(at), Timestamp.from(at), webhookId,
                    eventId);
    }

    /** Deliveries due at {@code now}, oldest first, at most one per endpoint so no endpoint takes every slot. */
    List<WebhookDelivery> due(Instant now, int limit) {
        return jdbc.query("select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"
                          + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id limit ?",
                          Webhooks::toDelivery, Timestamp.from(now), Timestamp.from(now), limit * 4)
                   .stream().collect(Collectors.toMap(WebhookDelivery::webhookId, d -> d, (a, b) -> a,
                                                      java.util.LinkedHashMap::new))
                   .values().stream().limit(limit).toList();
    }

    /** Takes the delivery for this node until {@code until}; false when another node took it first. */
    boolean claim(WebhookDelivery delivery, Instant now, Instant until) {
        return jdbc.update("update webhook_delivery set claimed_until = ? where id = ? and status = 'PENDING'"
                           + " and (claimed_until is null or claimed_until < ?)",
                           Timestamp.from(until), delivery.id(), Timestamp.from(now)) == 1;
    }

    void delivered(String id, int status, Instant at) {
        jdbc.update("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,"
                    + " last_status = ?, last_error = null, claimed_until = null where id = ?",
                    Timestamp.from(at), status, id);
    }

    void failed(String id, Integer status, String error, Instant at, Instant nextAttempt, boolean dead) {
        jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?,"
                    + " last_status = ?, last_error = ?, next_attempt_at = ?, claimed_until = null where id = ?",
                    dead ? "DEAD" : "PENDING", Timestamp.from(at), status,
                    error == null ? null : error.substring(0, Math.min(error.length(), 1000)),
                    Timestamp.from(nextAttempt), id);
    }

    List<WebhookDelivery> deliveries(String webhookId, int limit) {
        return jdbc.query("select * from webhook_delivery where webhook_id = ? order by created_at desc, id limit ?",
                          Webhooks::toDelivery, webhookId, limit);
    }

    private static Webhook toWebhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("owner_id"), rs.getString("url"),
                           EnumSetColumn.read(WebhookEvent.class, rs.getString("events")),
                           rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDelivery toDelivery(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_attempt_at");
        Integer lastStatus = rs.getObject("last_status") == null ? null : rs.getInt("last_status");
        return new WebhookDelivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("event_id"),
                                   rs.getString("event_type"), rs.getString("payload"),
                                   WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                                   rs.getTimestamp("created_at").toInstant(),
                                   rs.getTimestamp("next_attempt_at").toInstant(),
                                   last == null ? null : last.toInstant(), lastStatus,
                                   rs.getString("last_error"));
    }
}
