package boxoffice.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The fleet tier: the test class starts several processes (service instances as child JVMs, a replica, Sentinel, a
 * Cluster) or crashes, kills or stalls one. Run by Failsafe in {@code mvn verify}, not by {@code mvn test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("fleet")
public @interface FleetTier {}
