package org.giaoban.training;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.testing.ApiDocumentContract;
import org.giaoban.platform.testing.ApiDocumentSlice;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** training-service's OpenAPI document: one a front-end team can build from, and the contract checked in. */
@ApiDocumentSlice
class ApiDocumentationTest extends ApiDocumentContract {

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @MockitoBean
    private EventStore events;

    @MockitoBean
    private UnitWriteAccess unitWriteAccess;

    @Override
    protected String document() {
        return "training";
    }
}
