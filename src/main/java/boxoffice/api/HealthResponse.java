package boxoffice.api;

/**
 * {@code GET /api/v1/health}: "healthy" only when every check is. Only the status: which check failed and why (a
 * Redis address, thread figures) is for operators, on the admin port's {@code /healthcheck}.
 */
public record HealthResponse(String status) {}
