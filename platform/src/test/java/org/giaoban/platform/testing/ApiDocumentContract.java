package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service's OpenAPI document must be: one a front-end team can build from ({@link OpenApiLint}), and the
 * contract checked in under {@code docs/api} ({@link ApiDocuments}). A service's test extends it on an
 * {@link ApiDocumentSlice} with its controllers' collaborators mocked.
 */
public abstract class ApiDocumentContract {

    @Autowired
    private MockMvc mvc;

    /** The document's name under {@code docs/api}: {@code tasks}, {@code training}, {@code reporting}. */
    protected abstract String document();

    @Test
    void describesEveryOperationFieldAndRefusal() throws Exception {
        assertThat(OpenApiLint.findings(ApiDocuments.served(mvc, document())))
                .as("what the OpenAPI document lacks")
                .isEmpty();
    }

    @Test
    void isTheContractCheckedInUnderDocsApi() throws Exception {
        ApiDocuments.assertCheckedIn(ApiDocuments.served(mvc, document()), document());
    }
}
