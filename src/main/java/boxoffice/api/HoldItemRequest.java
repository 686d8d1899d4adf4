package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One part of a hold, in one section: {@code qty} seats of a general-admission section, the named {@code seats} of a
 * reserved one, or the {@code best_available} n seats of a reserved one ({@code together} by default in one block of
 * one row; {@code accessible} to ask for wheelchair seats). With {@code allow_partial}, a quantity or best available
 * seats apart take as many as there are, at least {@code min_qty} (1 by default). The service checks which
 * combinations make sense.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldItemRequest(
        String section,
        Integer qty,
        List<String> seats,
        Integer bestAvailable,
        Boolean together,
        Boolean accessible,
        Boolean allowPartial,
        Integer minQty) {}
