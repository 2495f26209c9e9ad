package org.giaoban.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.giaoban.gateway.problem.Problem;
import org.giaoban.gateway.problem.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The gateway's own OpenAPI document ({@code /v3/api-docs}): {@code /api/me}, the two ways to sign in that Swagger UI's
 * Authorize offers, and the refusals the gateway makes itself before any service is asked, built by {@link Problems}
 * so that the document shows the types the gateway answers. The services' documents are theirs, routed at
 * {@code /v3/api-docs/<service>}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** The statuses an operation's shape suggests but it never answers (read by the documents' lint). */
    static final String NEVER_ANSWERS = "x-giaoban-never-answers";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("giaoban gateway")
                        .version("1")
                        .description("The one entry point: /api/** goes to tasks-, training- and reporting-service,"
                                + " whose documents are /v3/api-docs/tasks, /v3/api-docs/training and"
                                + " /v3/api-docs/reporting. Sign in with HTTP Basic or an OIDC bearer token"
                                + " (Authorize in Swagger UI); every refusal is application/problem+json with a type"
                                + " of urn:giaoban:problem:*."))
                .addServersItem(new Server().url("/").description("The gateway"))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user of the gateway: its name and password. Roles: ADMIN,"
                                                + " OFFICER (with a unit), AUDITOR, VIEWER."))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token of the OIDC issuer the gateway trusts (when one"
                                                + " is configured): the caller's roles from its roles claim, the unit"
                                                + " from its unit_id claim.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** What the gateway itself may answer to any request: not signed in, too many requests, too many sign-ins. */
    @Bean
    OpenApiCustomizer gatewayRefusals() {
        List<Problem> refusals = List.of(
                Problems.unauthenticated("Sign in with HTTP Basic or a bearer token."),
                Problems.rateLimited(1),
                Problems.signInsThrottled(2),
                Problems.signInsBusy());
        return openApi -> openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations()
                        .forEach(operation -> refusals.forEach(refusal -> add(operation, refusal))));
    }

    /**
     * What the dashboard's sign-in and sign-out refuse themselves: a body that is not a sign-in, a missing CSRF token.
     * Neither meets a conflict, which the document says rather than listing a 409 that never comes.
     */
    @Bean
    OpenApiCustomizer sessionRefusals() {
        return openApi -> {
            PathItem session = openApi.getPaths().get(PageSessions.PATH);
            if (session == null) {
                return;
            }
            Operation signIn = session.getPost();
            add(signIn, Problems.invalidSignIn());
            add(signIn, Problem.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", "Failed to read the body."));
            add(
                    signIn,
                    Problem.of(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "body-too-large",
                            "Request body too large",
                            "The request body is over the limit of this route."));
            add(
                    signIn,
                    Problem.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "Unsupported Media Type",
                            "Content type 'text/plain' not supported."));
            for (Operation change : List.of(signIn, session.getDelete())) {
                add(change, Problems.csrfRefused());
                change.addExtension(NEVER_ANSWERS, List.of("409"));
            }
        };
    }

    private static void add(Operation operation, Problem refusal) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String status = Integer.toString(refusal.status().value());
        ApiResponse response = operation
                .getResponses()
                .computeIfAbsent(
                        status,
                        code -> new ApiResponse()
                                .description(refusal.status().getReasonPhrase())
                                .content(new Content()
                                        .addMediaType(PROBLEM_JSON, new MediaType().schema(problemSchema()))));
        response.getContent()
                .get(PROBLEM_JSON)
                .addExamples(
                        refusal.name(), new Example().summary(refusal.title()).value(refusal.body()));
        response.setDescription(response.getDescription() + "; `" + refusal.type() + "`");
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("A refusal (RFC 9457): nothing of the request was done.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .description("What was refused, as a URN a front-end can switch on")
                                .example(Problem.TYPE_PREFIX + "unauthenticated"))
                .addProperty("title", new StringSchema().description("A short English title of the type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened in this request, in English"));
    }
}
