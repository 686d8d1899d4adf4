package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code GET /api/v1/health}: "healthy" only when every check is. Only the status: which check failed and why (a
 * Redis address, thread figures) is for operators, on the admin port's {@code /healthcheck}. An answer of the first
 * version, which named them in {@code service} and {@code checks}, still reads as its status.
 */
@JsonIgnoreProperties({"service", "checks"})
public record HealthResponse(String status) {}
