package boxoffice.resources;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write of the public API: each call takes a token from its caller's bucket ({@link RateLimitFilter}), before
 * its body is read. Every POST, PATCH, PUT and DELETE of {@code /api/v1} carries it (a test checks).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {}
