package boxoffice.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** JSON as stored in Redis and spoken with the Lua scripts (cjson there). */
final class RedisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What read-for-update.lua returns: the event hash, holds and bookings as stored by suffix, seat maps by section,
     * customer figures, the line's entries and the entries named, and how many wait.
     */
    record Snapshot(
            Map<String, String> event,
            Map<String, String> holds,
            Map<String, String> bookings,
            Map<String, String> maps,
            Map<String, Integer> customers,
            Map<String, String> line,
            Map<String, String> entries,
            Integer waiting) {}

    private RedisJson() {}

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode script argument", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected stored JSON: " + json, e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected script reply: " + json, e);
        }
    }

    static Map<String, String> readHash(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected script reply: " + json, e);
        }
    }
}
