package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;

/** Bean Validation failures on a request body: 422 naming each field as the client spells it. */
public final class ValidationErrorMapper implements ExceptionMapper<JerseyViolationException> {
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Override
    public Response toResponse(JerseyViolationException exception) {
        ErrorAnswer answer = ErrorAnswer.invalidFields();
        exception.getConstraintViolations().stream()
                .map(ValidationErrorMapper::fieldError)
                .sorted(Comparator.comparing(ErrorResponse.FieldError::field))
                .forEach(error -> answer.fieldError(error.field(), error.message()));
        return answer.response();
    }

    private static ErrorResponse.FieldError fieldError(ConstraintViolation<?> violation) {
        String field = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field = SNAKE_CASE.translate(node.getName());
            }
        }
        return new ErrorResponse.FieldError(field, violation.getMessage());
    }
}
