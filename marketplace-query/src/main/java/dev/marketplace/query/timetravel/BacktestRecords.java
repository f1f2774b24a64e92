package dev.marketplace.query.timetravel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketplace.query.catalogue.search.RankingWeights;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Ranking backtests as rows of {@code ranking_backtest}, so every node can show any of them. */
@Repository
class BacktestRecords {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    BacktestRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void started(String id, String by, Instant at, Instant from, Instant to, RankingWeights weights) {
        jdbc.update("insert into ranking_backtest (id, state, started_by, started_at, period_from, period_to, weights, "
                    + "sessions, evaluated) values (?, ?, ?, ?, ?, ?, ?, 0, 0)", id, BacktestState.RUNNING.name(), by,
                    Timestamp.from(at), Timestamp.from(from), Timestamp.from(to), write(weights));
    }

    void progress(String id, long sessions, long evaluated) {
        jdbc.update("update ranking_backtest set sessions = ?, evaluated = ? where id = ?", sessions, evaluated, id);
    }

    void done(String id, BacktestResult result) {
        jdbc.update("update ranking_backtest set state = ?, finished_at = ?, result = ? where id = ?",
                    BacktestState.DONE.name(), Timestamp.from(clock.instant()), write(result), id);
    }

    void failed(String id, String failure) {
        jdbc.update("update ranking_backtest set state = ?, finished_at = ?, failure = ? where id = ?",
                    BacktestState.FAILED.name(), Timestamp.from(clock.instant()),
                    failure.length() > 1000 ? failure.substring(0, 1000) : failure, id);
    }

    Optional<RankingBacktest> find(String id) {
        return jdbc.query("select * from ranking_backtest where id = ?", this::toBacktest, id).stream().findFirst();
    }

    List<RankingBacktest> latest(int limit) {
        return jdbc.query("select * from ranking_backtest order by started_at desc, id limit ?", this::toBacktest,
                          limit);
    }

    private RankingBacktest toBacktest(ResultSet rs, int row) throws SQLException {
        Instant startedAt = rs.getTimestamp("started_at").toInstant();
        Timestamp finished = rs.getTimestamp("finished_at");
        Instant finishedAt = finished == null ? null : finished.toInstant();
        long evaluated = rs.getLong("evaluated");
        double seconds = Math.max(0.001, Duration.between(startedAt, finishedAt == null ? clock.instant() : finishedAt)
                                                 .toMillis() / 1000.0);
        String resultJson = rs.getString("result");
        BacktestResult result = resultJson == null ? null : read(resultJson, BacktestResult.class);
        return new RankingBacktest(rs.getString("id"), BacktestState.valueOf(rs.getString("state")),
                                   rs.getString("started_by"), startedAt, finishedAt,
                                   rs.getTimestamp("period_from").toInstant(), rs.getTimestamp("period_to").toInstant(),
                                   read(rs.getString("weights"), RankingWeights.class), rs.getLong("sessions"),
                                   evaluated, evaluated / seconds, result == null ? null : result.thenInForce(),
                                   result == null ? null : result.candidate(),
                                   result == null ? List.of() : result.changedQueries(), rs.getString("failure"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A backtest's figures are always writable as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored backtest could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
