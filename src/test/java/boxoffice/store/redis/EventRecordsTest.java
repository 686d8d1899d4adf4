package boxoffice.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Event;
import boxoffice.domain.Ids;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event as Redis keeps it: its organizer goes with it, and an event stored before tenancy is the default's. */
class EventRecordsTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T02:00:00.123Z");

    @Test
    void anEventReadsBackWithItsOrganizer() {
        Event event = Event.generalAdmission(Ids.newEventId(), "Show", 10, CREATED).ownedBy("acme");
        assertThat(RedisRecords.event(event.id(), RedisRecords.definitionJson(event))).isEqualTo(event);
    }

    @Test
    void anEventStoredBeforeOrganizersWereTenantsIsTheDefaultOrganizers() {
        String stored = "{\"n\":\"Show\",\"c\":1764122400123,\"s\":[{\"id\":\"general\",\"n\":\"General admission\","
                + "\"cap\":10}]}";
        Event event = RedisRecords.event(Ids.newEventId(), stored);
        assertThat(event.organizer()).isEqualTo("default");
        assertThat(event.totalSeats()).isEqualTo(10);
    }
}
