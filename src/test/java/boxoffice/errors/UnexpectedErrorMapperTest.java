package boxoffice.errors;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.api.ErrorResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;

/** What no other mapper took: Jetty's refusals of a body keep their 4xx; only a bug is a 500. */
class UnexpectedErrorMapperTest {
    private final UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();

    private static String code(Response response) {
        return ((ErrorResponse) response.getEntity()).errorCode();
    }

    @Test
    void jettysTooSlowBodyIsA408NotA500() {
        // As Jersey meets it: Jetty's "Request content data rate < 16 B/s" wrapped in the I/O error of the read.
        Response answer = mapper.toResponse(
                new IOException(new BadMessageException(408, "Request content data rate < 16 B/s")));
        assertThat(answer.getStatus()).isEqualTo(408);
        assertThat(code(answer)).isEqualTo("REQUEST_TIMEOUT");
    }

    @Test
    void jettysMalformedBodyIsA400() {
        Response answer = mapper.toResponse(new BadMessageException(400, "bad chunk"));
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void anythingElseIsA500ThatRevealsNothing() {
        Response answer = mapper.toResponse(new IllegalStateException("secret detail"));
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(code(answer)).isEqualTo("INTERNAL_ERROR");
        assertThat(((ErrorResponse) answer.getEntity()).error()).doesNotContain("secret");
    }
}
