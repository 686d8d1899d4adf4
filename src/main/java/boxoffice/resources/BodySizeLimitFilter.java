package boxoffice.resources;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413, whether the client declared the length or streams the body in
 * chunks, before anything parses them. A method marked {@link LargeBody} (creating an event with its seating chart)
 * has a larger limit than the rest: {@link #perMethod} binds each resource method its own filter when Jersey starts,
 * so no request has to look its method up.
 */
public final class BodySizeLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;

    private BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The filters of every resource method: {@code largeMaxBytes} for a {@link LargeBody} one, else the default. */
    public static DynamicFeature perMethod(long defaultMaxBytes, long largeMaxBytes) {
        return new DynamicFeature() {
            @Override
            public void configure(ResourceInfo resource, FeatureContext context) {
                boolean large = resource.getResourceMethod().isAnnotationPresent(LargeBody.class);
                context.register(new BodySizeLimitFilter(large ? largeMaxBytes : defaultMaxBytes));
            }
        };
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        if (AnnouncedBody.isPresent(request)) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
        }
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Counts what is read and fails once the body passes the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private long remaining;

        LimitedStream(InputStream in, long maxBytes) {
            super(in);
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
