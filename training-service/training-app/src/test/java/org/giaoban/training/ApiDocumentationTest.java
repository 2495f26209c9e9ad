package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.testing.ApiDocumentSlice;
import org.giaoban.platform.testing.ApiDocuments;
import org.giaoban.platform.testing.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** training-service's OpenAPI document: one a front-end team can build from, and the contract checked in. */
@ApiDocumentSlice
class ApiDocumentationTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @MockitoBean
    private EventStore events;

    @MockitoBean
    private UnitWriteAccess unitWriteAccess;

    @Test
    void describesEveryOperationFieldAndRefusal() throws Exception {
        assertThat(OpenApiLint.findings(ApiDocuments.served(mvc, "training")))
                .as("what the OpenAPI document lacks")
                .isEmpty();
    }

    @Test
    void isTheContractCheckedInUnderDocsApi() throws Exception {
        ApiDocuments.assertCheckedIn(ApiDocuments.served(mvc, "training"), "training");
    }
}
