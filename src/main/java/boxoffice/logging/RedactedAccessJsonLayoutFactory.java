package boxoffice.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.layout.AccessJsonLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code requestLog} layout {@code type: redacted-access-json}: Dropwizard's {@code access-json}, with the secrets a
 * request line can carry taken out. A {@code queue_id} is the credential of its joiner ({@code GET
 * /api/v1/queue/{queue_id}} answers with the admission token), so the access log shows {@code {queue_id}} in its
 * place, in every field (the path, the request line, a header).
 */
@JsonTypeName("redacted-access-json")
public class RedactedAccessJsonLayoutFactory extends AccessJsonLayoutBaseFactory {
    static final String QUEUE_ID = "{queue_id}";
    private static final Pattern QUEUE_PATH = Pattern.compile("(/queue/)[^/?#\\s]+");

    @Override
    public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
        AccessJsonLayout layout = new AccessJsonLayout(createDropwizardJsonFormatter(),
                createTimestampFormatter(timeZone), getIncludes(), getCustomFieldNames(), getAdditionalFields()) {
            @Override
            protected Map<String, Object> toJsonMap(IAccessEvent event) {
                return redacted(super.toJsonMap(event));
            }
        };
        layout.setContext(context);
        layout.setRequestHeaders(getRequestHeaders());
        layout.setResponseHeaders(getResponseHeaders());
        layout.setRequestAttributes(getRequestAttributes());
        return layout;
    }

    /** The fields with every {@code queue_id} replaced, nested maps (headers) included. */
    static Map<String, Object> redacted(Map<String, Object> fields) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        fields.forEach((name, value) -> redacted.put(name, redacted(value)));
        return redacted;
    }

    @SuppressWarnings("unchecked")
    private static Object redacted(Object value) {
        if (value instanceof String text) {
            return QUEUE_PATH.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(QUEUE_ID));
        }
        if (value instanceof Map<?, ?> nested) {
            return redacted((Map<String, Object>) nested);
        }
        return value;
    }
}
