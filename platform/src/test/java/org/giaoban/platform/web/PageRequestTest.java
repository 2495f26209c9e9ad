package org.giaoban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void withoutPageOrSizeItIsTheFirstFifty() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 50));
    }

    @Test
    void aPageOfFiveHundredIsTheLargestAllowed() {
        assertThat(PageRequest.of(3, 500)).isEqualTo(new PageRequest(3, 500));
        assertThat(PageRequest.of(0, 1)).isEqualTo(new PageRequest(0, 1));
    }

    @Test
    void aSizeAboveFiveHundredIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(0, 501))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly("size"));
    }

    @Test
    void anEmptyPageIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(null, 0))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly("size"));
    }

    @Test
    void aNegativePageIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(-1, null))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.errors())
                                .containsExactly(new FieldError("page", "must be 0 or more")));
    }

    @Test
    void aBadPageAndABadSizeAreBothNamed() {
        assertThatThrownBy(() -> PageRequest.of(-1, 1000))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly("page", "size"));
    }

    @Test
    void theOffsetOfAFarPageDoesNotOverflow() {
        assertThat(PageRequest.of(2, 50).offset()).isEqualTo(100L);
        assertThat(PageRequest.of(10_000_000, 500).offset()).isEqualTo(5_000_000_000L);
    }
}
