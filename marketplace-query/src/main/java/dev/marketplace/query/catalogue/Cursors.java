package dev.marketplace.query.catalogue;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.marketplace.api.rules.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Opaque page cursors: the sort values of a hit, as JSON, in URL-safe Base64. */
final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    static String encode(List<FieldValue> sortValues) {
        ArrayNode array = JSON.createArrayNode();
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
                     .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<FieldValue> decode(String cursor, int expectedSize) {
        try {
            JsonNode array = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (array == null || !array.isArray() || array.size() != expectedSize) {
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
            return values;
        } catch (Exception e) {
            throw RuleViolation.invalid("after", "is not a cursor returned by this query");
        }
    }
}
