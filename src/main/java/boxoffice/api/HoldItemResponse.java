package boxoffice.api;

import boxoffice.domain.HoldItem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The seats a hold (or booking) has in one section: how many, and in a reserved section exactly which. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldItemResponse(String section, int qty, List<String> seats) {

    public static HoldItemResponse of(HoldItem item) {
        return new HoldItemResponse(item.section(), item.qty(), item.seats().isEmpty() ? null : item.seats());
    }
}
