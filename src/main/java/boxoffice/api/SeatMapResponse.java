package boxoffice.api;

import java.util.List;

/**
 * {@code GET /api/v1/events/{id}/sections/{section}/seats}: one character per seat of each row, {@code A} available,
 * {@code H} held, {@code B} booked.
 */
public record SeatMapResponse(String section, List<RowStates> rows) {

    public record RowStates(String row, String states) {}
}
