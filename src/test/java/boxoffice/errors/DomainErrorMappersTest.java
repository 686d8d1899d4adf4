package boxoffice.errors;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.core.BoxOfficeException;
import boxoffice.core.HoldAlreadyBookedException;
import boxoffice.core.HoldNotFoundException;
import boxoffice.core.MalformedRequestException;
import boxoffice.core.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The table answers refusals raised outside Jersey (the admin tasks) as the API does. */
class DomainErrorMappersTest {

    private static Response answer(BoxOfficeException refusal) {
        return DomainErrorMappers.responseTo(refusal).orElseThrow();
    }

    @Test
    void eachRefusalGetsTheStatusOfItsRow() {
        assertThat(answer(new MalformedRequestException("pass one")).getStatus()).isEqualTo(400);
        assertThat(answer(new HoldNotFoundException("nope")).getStatus()).isEqualTo(404);
        assertThat(answer(new HoldAlreadyBookedException("h")).getStatus()).isEqualTo(409);
    }

    @Test
    void storeUnavailableCarriesRetryAfter() {
        Response unavailable = answer(new StoreUnavailableException("timeout"));
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void aRefusalWithoutARowHasNoAnswer() {
        assertThat(DomainErrorMappers.responseTo(new BoxOfficeException("unmapped") {})).isEmpty();
    }
}
