package boxoffice.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;

/**
 * {@code layout: type: text}: one readable line per event with the request's correlation id, for humans
 * ({@code LOG_FORMAT=text}); the default {@code json} layout is for machines.
 */
@JsonTypeName("text")
public class TextLayoutFactory implements DiscoverableLayoutFactory<ILoggingEvent> {
    static final String PATTERN = "%-5level [%d{ISO8601,UTC}] [%X{correlation_id:-}] %logger{36}: %msg%n%rEx";

    @Override
    public DropwizardLayout build(LoggerContext context, TimeZone timeZone) {
        DropwizardLayout layout = new DropwizardLayout(context, timeZone);
        layout.setPattern(PATTERN);
        return layout;
    }
}
