package dev.marketplace.query.catalogue.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketplace.api.rules.RuleViolation;
import dev.marketplace.query.shared.CursorSeal;
import java.util.ArrayList;
import java.util.List;

/**
 * Page cursors: the sort values of a hit and, once a result has more than one page, the point in time the following
 * pages are read from, as JSON sealed by {@link CursorSeal} for the search it came from. A point in time in a cursor
 * is therefore always one this server opened for that search.
 */
final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded cursor; {@code pointInTime} is null for a cursor of a single-page result. */
    record Cursor(String pointInTime, List<FieldValue> sortValues) {
    }

    private Cursors() {
    }

    static String encode(CursorSeal seal, String purpose, String pointInTime, List<FieldValue> sortValues) {
        ObjectNode cursor = JSON.createObjectNode();
        if (pointInTime != null) {
            cursor.put("p", pointInTime);
        }
        ArrayNode array = cursor.putArray("s");
        for (FieldValue value : sortValues) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case Boolean -> array.add(value.booleanValue());
                case Null -> array.addNull();
                default -> array.add(value.stringValue());
            }
        }
        return seal.seal(purpose, cursor.toString());
    }

    static Cursor decode(CursorSeal seal, String purpose, String cursor, int expectedSize) {
        String payload = seal.open(purpose, cursor);
        try {
            JsonNode root = JSON.readTree(payload);
            JsonNode array = root.path("s");
            if (!array.isArray() || array.size() != expectedSize) {
                throw new IllegalArgumentException("wrong shape");
            }
            List<FieldValue> values = new ArrayList<>();
            for (JsonNode node : array) {
                if (node.isIntegralNumber()) {
                    values.add(FieldValue.of(node.longValue()));
                } else if (node.isNumber()) {
                    values.add(FieldValue.of(node.doubleValue()));
                } else if (node.isTextual()) {
                    values.add(FieldValue.of(node.textValue()));
                } else if (node.isNull()) {
                    values.add(FieldValue.NULL);
                } else {
                    throw new IllegalArgumentException("unexpected value");
                }
            }
            JsonNode pit = root.path("p");
            return new Cursor(pit.isTextual() ? pit.textValue() : null, values);
        } catch (Exception e) {
            // Sealed here, so only a cursor of an older release of this code could be shaped otherwise.
            throw RuleViolation.invalid("after", "is not a cursor returned by this query");
        }
    }
}
