package boxoffice.testing.http;

import static boxoffice.testing.http.HttpTestClient.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The wire's sections, rows and hold items, built for tests: {@code reserved("stalls", row("A", 20))}. */
public final class SeatingJson {
    private SeatingJson() {}

    public static ObjectNode generalAdmission(String id, int capacity) {
        return obj("id", id, "name", "Section " + id, "capacity", capacity);
    }

    public static ObjectNode reserved(String id, ObjectNode... rows) {
        return obj("id", id, "name", "Section " + id, "rows", List.of(rows));
    }

    public static ObjectNode row(String label, int seats, Integer... accessible) {
        ObjectNode row = obj("row", label, "seats", seats);
        return accessible.length == 0 ? row : row.set("accessible", HttpTestClient.JSON.valueToTree(accessible));
    }

    public static ObjectNode qty(String section, int qty) {
        return obj("section", section, "qty", qty);
    }

    public static ObjectNode seats(String section, String... labels) {
        return obj("section", section, "seats", List.of(labels));
    }

    public static ObjectNode best(String section, int count) {
        return obj("section", section, "best_available", count);
    }

    public static ObjectNode best(String section, int count, boolean together, boolean accessible) {
        return obj("section", section, "best_available", count, "together", together, "accessible", accessible);
    }
}
