package dev.marketplace.command.program;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts every claimed name under its current {@link ProgramNames#key}. A repeatable Flyway migration (Spring Boot
 * hands Flyway the migration beans) whose checksum is the key's definition: it runs once over the rows that
 * V10 copied, and again after an ICU upgrade changes the skeletons, so names already registered still collide.
 * Flyway's lock makes one node of a cluster do it, before any event handler runs.
 *
 * <p>Two names registered before look-alikes were one name may now share a key. The older registration (by its
 * first event's position) keeps the key; the newer keeps a row of its own, {@link #shadowed}, so that it can still
 * edit its listing, and is logged for an operator to settle.
 */
@Component
public class ProgramNameRekeying implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(ProgramNameRekeying.class);

    /** The key of a name that an older look-alike holds; no listing name has a control character in its key. */
    static String shadowed(String key, String programId) {
        return key + '\u0001' + programId;
    }

    @Override
    public MigrationVersion getVersion() {
        return null;
    }

    @Override
    public String getDescription() {
        return "program name keys";
    }

    @Override
    public Integer getChecksum() {
        return Lookalikes.SKELETON_DEFINITION.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Claim> claims = claimsOldestFirst(connection);
        try (Statement clear = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into program_name (name_key, normalized_name, program_id) values (?, ?, ?)")) {
            clear.executeUpdate("delete from program_name");
            Set<String> keys = new HashSet<>();
            for (Claim claim : claims) {
                String key = keyOf(claim.normalizedName());
                if (!keys.add(key)) {
                    log.warn("Program {} holds the name '{}', a look-alike of an older program's name: it keeps it, "
                             + "and look-alikes stay refused while the older program keeps its name",
                             claim.programId(), claim.normalizedName());
                    key = shadowed(key, claim.programId());
                }
                insert.setString(1, key);
                insert.setString(2, claim.normalizedName());
                insert.setString(3, claim.programId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A name from before the length limit counted normalised text can have too long a key: kept, cut to fit. */
    private static String keyOf(String normalized) {
        String key = ProgramNames.keyOfNormalized(normalized);
        return key.length() > ProgramNames.KEY_MAX ? key.substring(0, ProgramNames.KEY_MAX) : key;
    }

    private static List<Claim> claimsOldestFirst(Connection connection) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery(
                     "select n.normalized_name, n.program_id from program_name n left join domain_event_entry e"
                     + " on e.aggregate_identifier = n.program_id and e.sequence_number = 0"
                     + " order by e.global_index, n.program_id")) {
            while (rows.next()) {
                claims.add(new Claim(rows.getString(1), rows.getString(2)));
            }
        }
        return claims;
    }

    private record Claim(String normalizedName, String programId) {
    }
}
