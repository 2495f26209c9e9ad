package org.giaoban.reporting.briefing.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/**
 * The Vietnamese words of the exported briefing: sheet names, headings, and the names of document kinds, blocs and
 * class formats, as the commission writes them in its own reports.
 */
final class BriefingLabels {

    static final String SUMMARY_SHEET = "Tổng hợp";
    static final String TASKS_SHEET = "Đầu việc";
    static final String DOCUMENTS_SHEET = "Văn bản";
    static final String TRAINING_SHEET = "Lớp bồi dưỡng";
    static final String PLANS_SHEET = "Kế hoạch đào tạo";
    static final String CONTESTS_SHEET = "Cuộc thi";

    static final String TITLE = "Số liệu giao ban";
    static final String UNIT = "Đơn vị";
    static final String UNIT_ID = "Mã đơn vị";
    static final String FROM = "Từ ngày";
    static final String TO = "Đến ngày";
    static final String RECORDED_AT = "Số liệu ghi nhận đến";
    static final String RECORDED_NOW = "hiện tại";
    static final String TOTAL = "Tổng cộng";

    static final String DUE = "Đến hạn";
    static final String COMPLETED = "Hoàn thành";
    static final String OPEN = "Chưa hoàn thành";
    static final String OVERDUE = "Quá hạn";
    static final String COMPLETION_RATE = "Tỷ lệ hoàn thành";

    static final String DOCUMENTS_SECTION = "Văn bản lãnh đạo, chỉ đạo";
    static final String DOCUMENT_KIND = "Loại văn bản";
    static final String DOCUMENTS_ISSUED = "Số văn bản";

    static final String BLOC = "Khối";
    static final String FORMAT = "Hình thức";
    static final String CLASSES = "Số lớp";
    static final String LEARNER_TURNS = "Lượt học viên";

    static final String YEAR = "Năm";
    static final String PLAN_LINE = "Nội dung";
    static final String PLANNED = "Kế hoạch";
    static final String ACTUAL = "Thực hiện";

    static final String CONTEST = "Cuộc thi";
    static final String ENTRIES = "Lượt tham gia";
    static final String PARTICIPANTS = "Người tham gia";

    static final String POSITIONS_SECTION = "Sự kiện cuối cùng đã tính";

    private static final Map<DocumentKind, String> DOCUMENT_KINDS = new EnumMap<>(Map.of(
            DocumentKind.RESOLUTION, "Nghị quyết",
            DocumentKind.DIRECTIVE, "Chỉ thị",
            DocumentKind.PLAN, "Kế hoạch",
            DocumentKind.GUIDANCE, "Hướng dẫn",
            DocumentKind.REPORT, "Báo cáo",
            DocumentKind.OTHER, "Khác"));

    private static final Map<Bloc, String> BLOCS = new EnumMap<>(Map.of(
            Bloc.PARTY, "Khối Đảng",
            Bloc.MASS_ORGANISATIONS, "Khối Đoàn thể",
            Bloc.STATE, "Khối Nhà nước",
            Bloc.OTHER, "Lớp khác"));

    private static final Map<ClassFormat, String> FORMATS = new EnumMap<>(Map.of(
            ClassFormat.IN_PERSON, "Trực tiếp",
            ClassFormat.ONLINE, "Trực tuyến",
            ClassFormat.BLENDED, "Kết hợp"));

    private BriefingLabels() {}

    static String documentKind(DocumentKind kind) {
        return DOCUMENT_KINDS.getOrDefault(kind, kind.name());
    }

    static String bloc(Bloc bloc) {
        return BLOCS.getOrDefault(bloc, bloc.name());
    }

    /** The blocs a plan line covers, in the order of the line: "Khối Đảng, Khối Đoàn thể". */
    static String blocs(List<Bloc> blocs) {
        return blocs.stream().map(BriefingLabels::bloc).collect(Collectors.joining(", "));
    }

    static String format(ClassFormat format) {
        return FORMATS.getOrDefault(format, format.name());
    }
}
