package boxoffice.webhooks;

import boxoffice.api.ChangeResponse;
import boxoffice.domain.Change;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change as a webhook message: {@code {"type", "timestamp", "data"}} with the change as the feed shows it
 * ({@link ChangeResponse#of}) for data and its time for timestamp, and a message id that is the same on every try
 * and every instance ({@code msg_<event id>_<seq>}), so a receiver can drop a repeat.
 */
public final class WebhookMessages {
    private final ObjectMapper json;

    /** @param json the API's mapper, so the data is exactly what the feed endpoint shows */
    public WebhookMessages(ObjectMapper json) {
        this.json = json;
    }

    public static String messageId(Change change) {
        return "msg_" + change.eventId() + "_" + change.seq();
    }

    public String body(Change change) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", change.type().wireName());
        message.put("timestamp", change.at());
        message.put("data", ChangeResponse.of(change));
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change always serializes", e);
        }
    }
}
