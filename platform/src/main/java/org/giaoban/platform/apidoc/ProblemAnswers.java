package org.giaoban.platform.apidoc;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.identity.RoleRules;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.web.IdempotencyFilter;
import org.giaoban.platform.web.IfMatch;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem+json answers of an operation in its OpenAPI document, each under its status with an example per
 * {@code type}. Those every operation of a kind can give follow from the same rules that give them: the gateway's
 * sign-in ({@code 401}), rate limit ({@code 429}), body limit ({@code 413}) and time limit ({@code 503}); the role
 * rules by path and method ({@code 403}, {@link RoleRules}); Bean Validation and the parameters' types ({@code 400});
 * {@code Idempotency-Key} on a POST and a concurrent change of an existing record ({@code 409}); {@code If-Match}
 * ({@code 412}); JSON only ({@code 415}); a store away or a command past its time limit ({@code 503}). The rest an
 * operation declares with {@link ApiProblem}.
 */
public final class ProblemAnswers {

    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";

    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    private ProblemAnswers() {}

    static Operation addDeclared(Operation operation, HandlerMethod handler) {
        ApiProblem[] declared = handler.getMethod().getAnnotationsByType(ApiProblem.class);
        for (ApiProblem problem : declared) {
            String title = problem.title().isEmpty() ? titleOf(problem.status()) : problem.title();
            add(operation, problem.status(), problem.type(), title, problem.detail());
        }
        return operation;
    }

    static void addShared(String path, String method, Operation operation) {
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        add(
                operation,
                401,
                "unauthenticated",
                "Not signed in",
                "Sign in with HTTP Basic or a bearer token (Authorize in Swagger UI).");
        List<Role> refused = Arrays.stream(Role.values())
                .filter(role ->
                        RoleRules.refusal(callerWith(role), method, path).isPresent())
                .toList();
        if (!refused.isEmpty()) {
            add(
                    operation,
                    403,
                    "forbidden",
                    "Not allowed",
                    RoleRules.refusal(callerWith(refused.get(0)), method, path).orElseThrow());
        }
        if (WRITES.contains(method) && !refused.contains(Role.OFFICER)) {
            add(
                    operation,
                    403,
                    "unit-not-allowed",
                    "Not allowed",
                    "hoankiem may not change what belongs to HN-LONGBIEN: an OFFICER writes only for its own unit and"
                            + " the units under it.");
        }
        describeWhoMayCall(operation, refused);
        if (parameters || body) {
            // An example of the shape only: the field is the operation's first parameter, or one of a body.
            String field = parameters ? operation.getParameters().get(0).getName() : "title";
            String message = parameters ? "is invalid" : "must not be blank";
            add(
                    operation,
                    400,
                    "invalid-request",
                    "Invalid request",
                    field + ": " + message,
                    Map.of("errors", List.of(Map.of("field", field, "message", message))));
        }
        if (body) {
            add(
                    operation,
                    400,
                    "malformed-request",
                    "Malformed request",
                    "The request body is not readable JSON of the expected shape.");
            add(
                    operation,
                    413,
                    "body-too-large",
                    "Request body too large",
                    "The request body is larger than 1 MB (8 MB for a batch).");
            add(
                    operation,
                    415,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "Content-Type 'text/plain' is not supported.");
        }
        if ("POST".equals(method)) {
            addIdempotencyKey(operation);
            add(
                    operation,
                    409,
                    "idempotency-key-conflict",
                    "Idempotency-Key conflict",
                    "This Idempotency-Key was used for another request; use a new key for a new request.");
        }
        if (WRITES.contains(method) && path.contains("{")) {
            add(
                    operation,
                    409,
                    "concurrent-change",
                    "Changed concurrently",
                    "Another request changed the record at the same moment; try again.");
        }
        if (hasHeader(operation, IfMatch.HEADER)) {
            add(
                    operation,
                    412,
                    "stale-version",
                    "Changed since you read it",
                    "The record is at version 4, not at the version in If-Match (3); read it again before changing"
                            + " it.");
        }
        add(
                operation,
                429,
                "rate-limited",
                "Too many requests",
                "Too many requests in a short time; try again in 1 s.");
        add(
                operation,
                503,
                "service-unavailable",
                "Service unavailable",
                "The service did not answer in time; try again later.");
        add(
                operation,
                503,
                "store-unavailable",
                "Store unavailable",
                "The service cannot reach its data store just now and did not carry out the request. Try again"
                        + " later.");
        if (WRITES.contains(method)) {
            add(
                    operation,
                    503,
                    "busy",
                    "Service busy",
                    "The service could not carry out the request in time and stored nothing of it. Try again later.");
        }
    }

    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("A refusal (RFC 9457): nothing of the request was stored.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .description("What was refused, as a URN a front-end can switch on")
                                .example(ProblemResponses.TYPE_PREFIX + "task-cancelled"))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("A short English title of the type")
                                .example("Refused by a rule of the domain"))
                .addProperty(
                        "status",
                        new IntegerSchema().description("The HTTP status").example(409))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What happened in this request, in English")
                                .example("The work item is cancelled; it cannot be completed."))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .description("The path of the request")
                                .example("/api/tasks"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("For an invalid request: each invalid field and why")
                                .items(new Schema<>().$ref(FIELD_ERROR_SCHEMA)));
    }

    static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .description("One invalid field of a request.")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("The field, a path into the body for a nested one (learners[3].unitId)")
                                .example("dueOn"))
                .addProperty(
                        "message",
                        new StringSchema()
                                .description("Why it is invalid, in English")
                                .example("must not be null"));
    }

    private static void add(Operation operation, int status, String type, String title, String detail) {
        add(operation, status, type, title, detail, Map.of());
    }

    private static void add(
            Operation operation, int status, String type, String title, String detail, Map<String, Object> more) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String code = Integer.toString(status);
        ApiResponse response = operation.getResponses().get(code);
        if (response == null) {
            response = new ApiResponse();
            operation.getResponses().addApiResponse(code, response);
        }
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        MediaType problemJson = response.getContent().get(PROBLEM_JSON);
        if (problemJson == null) {
            problemJson = new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA));
            response.getContent().addMediaType(PROBLEM_JSON, problemJson);
        }
        if (problemJson.getExamples() != null && problemJson.getExamples().containsKey(type)) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemResponses.TYPE_PREFIX + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.putAll(more);
        problemJson.addExamples(type, new Example().summary(title).value(example));
        response.setDescription(describe(status, problemJson.getExamples().keySet()));
    }

    private static String describe(int status, Set<String> types) {
        return titleOf(status) + ": "
                + types.stream()
                        .map(type -> "`" + ProblemResponses.TYPE_PREFIX + type + "`")
                        .collect(Collectors.joining(", "));
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Not signed in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Refused by a rule of the domain";
            case 412 -> "Changed since you read it";
            case 413 -> "Request too large";
            case 415 -> "Not JSON";
            case 429 -> "Too many requests";
            case 503 -> "Unavailable";
            default -> HttpStatus.valueOf(status).getReasonPhrase();
        };
    }

    private static void describeWhoMayCall(Operation operation, List<Role> refused) {
        String allowed = Arrays.stream(Role.values())
                .filter(role -> !refused.contains(role))
                .map(Role::name)
                .collect(Collectors.joining(", "));
        String who = "Who may call it: " + allowed + ".";
        String description = operation.getDescription();
        if (description == null || !description.contains(who)) {
            operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
        }
    }

    private static void addIdempotencyKey(Operation operation) {
        if (hasHeader(operation, IdempotencyFilter.KEY_HEADER)) {
            return;
        }
        operation.addParametersItem(new HeaderParameter()
                .name(IdempotencyFilter.KEY_HEADER)
                .required(false)
                .description("A key of the caller's choosing: the same caller repeating it with the same body gets"
                        + " the first answer and nothing changes; with another body, 409. Kept 24 h.")
                .schema(new StringSchema().example("0b6f3c52-9d1e-4f7a-8c21-5e4d3a2b1c0f")));
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter ->
                                "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
    }

    private static Caller callerWith(Role role) {
        return Caller.of("example", List.of(role), role == Role.OFFICER ? "HN-HOANKIEM" : null);
    }
}
