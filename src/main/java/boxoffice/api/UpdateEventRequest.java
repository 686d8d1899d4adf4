package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import java.io.IOException;

/**
 * {@code PATCH /api/v1/events/{id}}: what an organizer may change, as a JSON merge patch. {@code admission} absent
 * (a null component) leaves the waiting room as it is; {@code "admission": null} turns it off
 * ({@link AdmissionChange#OFF}); an object sets it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateEventRequest(@Valid AdmissionChange admission) {

    /** A change of the waiting room: its new settings, or none (off). Written as the settings or as null. */
    @JsonDeserialize(using = AdmissionChange.Reader.class)
    public record AdmissionChange(@JsonValue @Valid AdmissionRequest settings) {
        public static final AdmissionChange OFF = new AdmissionChange(null);

        /** Tells a JSON null (off) from a missing field (no change), which Jackson reads alike by default. */
        static final class Reader extends JsonDeserializer<AdmissionChange> {
            @Override
            public AdmissionChange deserialize(JsonParser json, DeserializationContext context) throws IOException {
                return new AdmissionChange(context.readValue(json, AdmissionRequest.class));
            }

            @Override
            public AdmissionChange getNullValue(DeserializationContext context) {
                return OFF;
            }

            @Override
            public Object getAbsentValue(DeserializationContext context) {
                return null;
            }
        }
    }
}
