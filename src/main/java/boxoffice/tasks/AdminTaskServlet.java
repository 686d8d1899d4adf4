package boxoffice.tasks;

import boxoffice.errors.DomainErrorMapper;
import boxoffice.refusals.BoxOfficeException;
import io.dropwizard.core.setup.AdminEnvironment;
import io.dropwizard.servlets.tasks.Task;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of our admin tasks in place of Dropwizard's task servlet, which answers 200 whatever the task printed and
 * 500 for any exception, so {@code curl -f} could not tell a refused task from a done one. Here a domain refusal gets
 * the API's status for it ({@link DomainErrorMapper}: 400 bad input, 404 unknown id, 409 conflict, 503 with
 * Retry-After) and anything else is our bug: 500, logged once. The body stays the task's plain text, a refusal
 * ending in its {@code error: ...} line.
 */
public final class AdminTaskServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminTaskServlet.class);
    private static final String PLAIN_TEXT = "text/plain;charset=UTF-8";

    private final transient Task task;

    private AdminTaskServlet(Task task) {
        this.task = task;
    }

    /**
     * Serves {@code task} at {@code POST /tasks/<name>}: an exact mapping, which takes precedence over Dropwizard's
     * {@code /tasks/*}. Dropwizard is told of the task too, only so that {@code GET /tasks} and the start-up banner
     * still list it; its servlet never receives a request for that path.
     */
    public static void serve(AdminEnvironment admin, Task task) {
        admin.addTask(task);
        admin.addServlet("task-" + task.getName(), new AdminTaskServlet(task)).addMapping("/tasks/" + task.getName());
    }

    /** Tasks change things: POST only, as on Dropwizard's servlet. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "POST");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The task writes to a buffer: the status is known only once it has finished.
        StringWriter text = new StringWriter();
        PrintWriter output = new PrintWriter(text);
        try {
            task.execute(parameters(request), output);
        } catch (Exception failure) {
            answer(failure, response);
            output.println("error: " + Objects.requireNonNullElse(failure.getMessage(), failure.toString()));
        }
        output.flush();
        response.setContentType(task.getResponseContentType().orElse(PLAIN_TEXT));
        response.getWriter().write(text.toString());
    }

    /** A domain refusal: the API's status and headers. Anything else: our bug, 500. */
    private void answer(Exception failure, HttpServletResponse response) {
        if (!(failure instanceof BoxOfficeException refusal)) {
            LOG.error("Task {} failed", task.getName(), failure);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        Response refused = DomainErrorMapper.responseTo(refusal);
        response.setStatus(refused.getStatus());
        refused.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) { // the API's is JSON; ours stays plain text
                values.forEach(value -> response.addHeader(name, value));
            }
        });
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, parameter -> List.of(parameter.getValue())));
    }
}
