package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Every error: a stable code for programs, a sentence for people, and details where they help. Built by name with
 * {@link #builder}; a detail left unset is left out of the JSON.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
        String errorCode,
        String error,
        String section,
        Integer available,
        List<String> unavailable,
        Integer largestBlock,
        Integer limit,
        Integer used,
        List<FieldError> fieldErrors,
        String queueUrl) {

    public static Builder builder(String errorCode, String error) {
        return new Builder(errorCode, error);
    }

    public record FieldError(String field, String message) {}

    /** The details by name, in any order; the JSON keeps the record's order whatever the order they were set in. */
    public static final class Builder {
        private final String errorCode;
        private String error;
        private String section;
        private Integer available;
        private List<String> unavailable;
        private Integer largestBlock;
        private Integer limit;
        private Integer used;
        private List<FieldError> fieldErrors;
        private String queueUrl;

        private Builder(String errorCode, String error) {
            this.errorCode = errorCode;
            this.error = error;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder section(String section) {
            this.section = section;
            return this;
        }

        public Builder available(int available) {
            this.available = available;
            return this;
        }

        public Builder unavailable(List<String> unavailable) {
            this.unavailable = List.copyOf(unavailable);
            return this;
        }

        public Builder largestBlock(int largestBlock) {
            this.largestBlock = largestBlock;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder used(int used) {
            this.used = used;
            return this;
        }

        public Builder fieldErrors(List<FieldError> fieldErrors) {
            this.fieldErrors = List.copyOf(fieldErrors);
            return this;
        }

        public Builder queueUrl(String queueUrl) {
            this.queueUrl = queueUrl;
            return this;
        }

        public ErrorResponse build() {
            return new ErrorResponse(errorCode, error, section, available, unavailable, largestBlock, limit, used,
                    fieldErrors, queueUrl);
        }
    }
}
