package boxoffice.docs;

import jakarta.ws.rs.core.CacheControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files served from the jar as they are (the API docs, the live page): read once at start-up, cached by clients. */
public final class StaticFiles {
    private StaticFiles() {}

    /** The bytes of a classpath resource; a missing one is a broken build, so it fails start-up. */
    public static byte[] read(String resource) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }

    public static CacheControl cacheFor(int seconds) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(seconds);
        return cache;
    }
}
