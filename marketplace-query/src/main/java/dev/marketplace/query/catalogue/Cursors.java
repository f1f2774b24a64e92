package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketplace.api.rules.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the sort values of a hit and, once a result has more than one page, the point in time
 * the following pages are read from, as JSON in URL-safe Base64.
 */
final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded cursor; {@code pointInTime} is null for a cursor of a single-page result. */
    record Cursor(String pointInTime, List<FieldValue> sortValues) {
    }

    private Cursors() {
    }

    static String encode(String pointInTime, List<FieldValue> sortValues) {
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
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor, int expectedSize) {
        try {
            JsonNode root = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
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
            throw RuleViolation.invalid("after", "is not a cursor returned by this query");
        }
    }
}
