package org.giaoban.reporting.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.junit.jupiter.api.Test;

class BriefingLabelsTest {

    @Test
    void everyDocumentKindBlocAndFormatHasAVietnameseName() {
        assertThat(Arrays.stream(DocumentKind.values()).map(BriefingLabels::documentKind))
                .containsExactly("Nghị quyết", "Chỉ thị", "Kế hoạch", "Hướng dẫn", "Báo cáo", "Khác");
        assertThat(Arrays.stream(Bloc.values()).map(BriefingLabels::bloc))
                .containsExactly("Khối Đảng", "Khối Đoàn thể", "Khối Nhà nước", "Lớp khác");
        assertThat(Arrays.stream(ClassFormat.values()).map(BriefingLabels::format))
                .containsExactly("Trực tiếp", "Trực tuyến", "Kết hợp");
    }

    @Test
    void namesThePlanLinesBlocsInTheirOrder() {
        assertThat(BriefingLabels.blocs(java.util.List.of(Bloc.STATE, Bloc.PARTY)))
                .isEqualTo("Khối Nhà nước, Khối Đảng");
    }
}
