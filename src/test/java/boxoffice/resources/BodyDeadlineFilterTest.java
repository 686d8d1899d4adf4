package boxoffice.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which bodies get an alarm. That a trickled body is cut off with 408 is {@link SlowRequestBodyTest}'s, on a real
 * instance; here, that a body already buffered whole costs no alarm, and one still arriving gets one until read.
 */
class BodyDeadlineFilterTest {
    private static final byte[] BODY = "{\"qty\":1}".getBytes(StandardCharsets.UTF_8);

    private final ScheduledThreadPoolExecutor alarms = alarms();
    private final BodyDeadlineFilter filter = new BodyDeadlineFilter(Duration.ofSeconds(30), alarms);

    @AfterEach
    void stop() {
        alarms.shutdownNow();
    }

    @Test
    void aBodyBufferedWholeGetsNoAlarm() throws IOException {
        ContainerRequest request = post(new ByteArrayInputStream(BODY));
        filter.filter(request);

        assertThat(alarms.getQueue()).isEmpty();
        assertThat(request.getEntityStream().readAllBytes()).isEqualTo(BODY);
    }

    @Test
    void aBodyStillArrivingIsWatchedUntilItIsRead() throws IOException {
        ContainerRequest request = post(new PartlyArrived(BODY, 2));
        filter.filter(request);

        assertThat(alarms.getQueue()).hasSize(1);
        assertThat(request.getEntityStream().readAllBytes()).isEqualTo(BODY);
        assertThat(alarms.getQueue()).isEmpty();
    }

    private static ContainerRequest post(InputStream body) {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost/api/v1/holds"), "POST", null, new MapPropertiesDelegate(),
                new ResourceConfig());
        request.header("Content-Length", Integer.toString(BODY.length));
        request.setEntityStream(body);
        return request;
    }

    private static ScheduledThreadPoolExecutor alarms() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true); // as the application builds it
        return executor;
    }

    /** A body of which only the first bytes have come in: the rest is not yet available. */
    private static final class PartlyArrived extends ByteArrayInputStream {
        private final int arrived;

        PartlyArrived(byte[] body, int arrived) {
            super(body);
            this.arrived = arrived;
        }

        @Override
        public synchronized int available() {
            return Math.max(0, Math.min(arrived - pos, super.available()));
        }
    }
}
