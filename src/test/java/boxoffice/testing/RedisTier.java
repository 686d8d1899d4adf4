package boxoffice.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The redis tier: the test class starts a redis-server of its own (one process, never killed). Run by Failsafe in
 * {@code mvn verify}, not by {@code mvn test}; {@code mvn verify -Dgroups=redis} runs this tier alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("redis")
public @interface RedisTier {}
