package boxoffice.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldRecordsTest {
    private static final String EVENT = Ids.newEventId();
    private static final Instant ISSUED = Instant.parse("2026-11-26T02:00:00.123Z");
    private static final String HOLD_ID = Ids.newChildId(EVENT, ISSUED);
    private static final String TOKEN = Ids.newPaymentToken();

    @Test
    void anActiveHoldCreatedWhenItsIdWasIssuedKeepsOnlyItsItemsDurationsAndToken() {
        Hold hold = hold(ISSUED, HoldStatus.ACTIVE, null, null, 1, HoldItem.generalAdmission(1));

        String stored = HoldRecords.json(hold);

        assertThat(stored).isEqualTo("{\"i\":[[\"general\",1]],\"d\":120000,\"l\":1800000,\"t\":\"" + TOKEN + "\"}");
        assertThat(HoldRecords.hold(HOLD_ID, EVENT, stored)).isEqualTo(hold);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        List<HoldItem> items = List.of(new HoldItem("stalls", 2, List.of("A-1", "A-2")),
                HoldItem.generalAdmission("standing", 1));
        Hold hold = hold(ISSUED.plusMillis(7), HoldStatus.BOOKED, Ids.newChildId(EVENT, ISSUED.plusSeconds(30)),
                "customer-7", 4, items);

        Hold read = HoldRecords.hold(HOLD_ID, EVENT, HoldRecords.json(hold));

        assertThat(read).isEqualTo(hold);
        assertThat(HoldRecords.items(HoldRecords.json(hold))).isEqualTo(items);
    }

    @Test
    void aHoldCreatedBeforeItsIdWasIssuedStillReadsBack() {
        Hold hold = hold(ISSUED.minusMillis(3), HoldStatus.EXPIRED, null, null, 1, HoldItem.generalAdmission(1));

        assertThat(HoldRecords.hold(HOLD_ID, EVENT, HoldRecords.json(hold))).isEqualTo(hold);
    }

    @Test
    void aRecordInTheEarlierLayoutWithAbsoluteTimesIsStillRead() {
        String earlier = "{\"q\":1,\"i\":[[\"general\",1]],\"c\":\"1764122400123\",\"e\":\"1764122520123\","
                + "\"m\":\"1764124200123\",\"t\":\"" + TOKEN + "\",\"s\":\"a\",\"u\":\"c1\"}";

        Hold read = HoldRecords.hold(HOLD_ID, EVENT, earlier);

        assertThat(read).isEqualTo(new Hold(HOLD_ID, EVENT, HoldItem.generalAdmission(1),
                Instant.ofEpochMilli(1764122400123L), Instant.ofEpochMilli(1764122520123L),
                Instant.ofEpochMilli(1764124200123L), TOKEN, HoldStatus.ACTIVE, null, "c1", 1));
    }

    private static Hold hold(Instant created, HoldStatus status, String bookingId, String customer, int requested,
            List<HoldItem> items) {
        return new Hold(HOLD_ID, EVENT, items, created, created.plusSeconds(120), created.plusSeconds(1800), TOKEN,
                status, bookingId, customer, requested);
    }
}
