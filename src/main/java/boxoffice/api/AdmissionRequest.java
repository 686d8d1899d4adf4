package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;

/**
 * An event's waiting room: {@code rate_per_minute} entries admitted a minute (1–1,000,000), each admission
 * token valid {@code token_ttl_seconds} (1–86,400; 600 when not sent). The service checks the ranges.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdmissionRequest(@NotNull Integer ratePerMinute, Integer tokenTtlSeconds) {}
