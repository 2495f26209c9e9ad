package org.giaoban.platform.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.JsonMixinModuleEntries;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * A service's OpenAPI document ({@code /v3/api-docs}, at the gateway {@code /v3/api-docs/<service>}): its title and
 * description from {@code giaoban.api.title} and {@code giaoban.api.description}, version 1 of API.md, the gateway as
 * its server (a relative URL, so Swagger UI calls the gateway it was loaded from), the two ways to sign in, and the
 * problem+json answers of {@link ProblemAnswers}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocumentationConfiguration {

    /** The version of API.md's contract the documents describe. */
    public static final String API_VERSION = "1";

    public static final String BASIC = "basic";
    public static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI apiDocument(
            @Value("${giaoban.api.title:${spring.application.name}}") String title,
            @Value("${giaoban.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title(title).version(API_VERSION).description(description))
                .addServersItem(new Server()
                        .url("/")
                        .description("The gateway: every request goes through it, signed in with HTTP Basic or a"
                                + " bearer token"))
                .components(new Components()
                        .addSecuritySchemes(BASIC, basicSignIn())
                        .addSecuritySchemes(BEARER, bearerSignIn())
                        .addSchemas(ProblemAnswers.PROBLEM_SCHEMA, ProblemAnswers.problemSchema())
                        .addSchemas(ProblemAnswers.FIELD_ERROR_SCHEMA, ProblemAnswers.fieldErrorSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * springdoc reads the schemas with a mapper of its own: the service's Jackson mix-ins ({@code @JsonMixin}, which
     * name a view's id {@code id}) are added to it, so that the document shows the fields as the service writes them.
     */
    @Bean
    public SmartInitializingSingleton jsonMixinsInSchemas(
            ObjectMapperProvider schemaJson, ObjectProvider<JsonMixinModuleEntries> mixins) {
        return () -> mixins.ifAvailable(
                entries -> entries.doWithEntry(ClassUtils.getDefaultClassLoader(), schemaJson.jsonMapper()::addMixIn));
    }

    /** The refusals a controller declares with {@link ApiProblem}, by operation. */
    @Bean
    public OperationCustomizer declaredProblemAnswers() {
        return ProblemAnswers::addDeclared;
    }

    /** The refusals every operation of a kind can give, by path, method, parameters and body. */
    @Bean
    public OpenApiCustomizer sharedProblemAnswers() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> ProblemAnswers.addShared(path, method.name(), operation)));
    }

    public static SecurityScheme basicSignIn() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("A user of the gateway: its name and password (Authorize in Swagger UI asks for"
                        + " both). Roles: ADMIN, OFFICER (with a unit), AUDITOR, VIEWER.");
    }

    public static SecurityScheme bearerSignIn() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token of the OIDC issuer the gateway trusts (when one is configured): the"
                        + " caller's roles from its roles claim, the unit from its unit_id claim.");
    }
}
