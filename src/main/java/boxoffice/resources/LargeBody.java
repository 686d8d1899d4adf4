package boxoffice.resources;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose body may be as large as a seating chart ({@code http.maxLargeBodySize}) instead of
 * the API's small default ({@code http.maxBodySize}); {@link BodySizeLimitFilter} reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {}
