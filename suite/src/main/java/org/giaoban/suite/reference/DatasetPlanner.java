package org.giaoban.suite.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.giaoban.suite.reference.DatasetPlan.ClassFormat;
import org.giaoban.suite.reference.DatasetPlan.Correction;
import org.giaoban.suite.reference.DatasetPlan.DocumentKind;
import org.giaoban.suite.reference.DatasetPlan.EnrolmentMode;
import org.giaoban.suite.reference.DatasetPlan.Learner;
import org.giaoban.suite.reference.DatasetPlan.PlanLine;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;
import org.giaoban.suite.reference.DatasetPlan.PlannedDocument;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;
import org.giaoban.suite.reference.DatasetPlan.TaskStep;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.giaoban.units.UnitKind;

/**
 * Makes up the reference dataset from a seed. Each part draws from a random generator of its own, so the same seed
 * gives the same dataset; whatever the seed, the counted records add up exactly to {@link ReferenceFigures}, and the
 * records the counting rules leave out (cancelled, revoked, withdrawn, rescheduled, after the period) come on top.
 *
 * <p>Everything excluded lies outside both periods the figures are read over: it is cancelled, revoked or withdrawn,
 * or dated from 1 October 2022, after the nine-month period as well as after the 8 September cut-off.
 */
final class DatasetPlanner {

    static final LocalDate FIRST_DUE = LocalDate.of(2022, 1, 10);
    static final LocalDate FIRST_CLASS_START = LocalDate.of(2022, 1, 5);
    static final LocalDate AFTER_BOTH_PERIODS = ReferenceFigures.NINE_MONTHS_TO.plusDays(1);
    static final LocalDate LAST_LATE_CLASS_START = LocalDate.of(2022, 12, 20);
    static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);

    static final int LATE_TASKS = 8;
    static final int CANCELLED_TASKS = 2;
    static final int REVOKED_DOCUMENTS = 12;
    static final int LATE_DOCUMENTS = 250;
    static final int CANCELLED_CLASSES = 20;
    static final int LATE_CLASSES = 150;
    static final int WITHDRAWALS = 600;
    static final int CLASSES_WITH_WITHDRAWALS = 100;
    static final double CONTEST_PARTICIPANT_SHARE = 0.7;

    /** Public holidays of 2022 that fall on a weekday: New Year, Tết, the Hùng Kings, 30 April and 1 May, 2 September. */
    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 1, 31),
            LocalDate.of(2022, 2, 1),
            LocalDate.of(2022, 2, 2),
            LocalDate.of(2022, 2, 3),
            LocalDate.of(2022, 2, 4),
            LocalDate.of(2022, 4, 11),
            LocalDate.of(2022, 5, 2),
            LocalDate.of(2022, 5, 3),
            LocalDate.of(2022, 9, 1),
            LocalDate.of(2022, 9, 2));

    /** Population of the districts and towns in thousands, roughly as of 2022: it weights classes and contestants. */
    private static final Map<String, Integer> POPULATION = Map.ofEntries(
            Map.entry("HN-BADINH", 226),
            Map.entry("HN-HOANKIEM", 135),
            Map.entry("HN-TAYHO", 160),
            Map.entry("HN-LONGBIEN", 322),
            Map.entry("HN-CAUGIAY", 292),
            Map.entry("HN-DONGDA", 371),
            Map.entry("HN-HAIBATRUNG", 303),
            Map.entry("HN-HOANGMAI", 506),
            Map.entry("HN-THANHXUAN", 293),
            Map.entry("HN-NAMTULIEM", 264),
            Map.entry("HN-BACTULIEM", 335),
            Map.entry("HN-HADONG", 382),
            Map.entry("HN-SONTAY", 146),
            Map.entry("HN-BAVI", 305),
            Map.entry("HN-PHUCTHO", 185),
            Map.entry("HN-DANPHUONG", 166),
            Map.entry("HN-HOAIDUC", 276),
            Map.entry("HN-QUOCOAI", 203),
            Map.entry("HN-THACHTHAT", 210),
            Map.entry("HN-CHUONGMY", 337),
            Map.entry("HN-THANHOAI", 219),
            Map.entry("HN-THUONGTIN", 254),
            Map.entry("HN-PHUXUYEN", 229),
            Map.entry("HN-UNGHOA", 211),
            Map.entry("HN-MYDUC", 199),
            Map.entry("HN-SOCSON", 343),
            Map.entry("HN-DONGANH", 381),
            Map.entry("HN-GIALAM", 292),
            Map.entry("HN-MELINH", 241),
            Map.entry("HN-THANHTRI", 279));

    private static final String CITY = UnitCatalogue.CITY_UNIT_ID;
    private static final String LONG_BIEN = "HN-LONGBIEN";
    private static final String QUOC_OAI = "HN-QUOCOAI";
    private static final String PHUC_THO = "HN-PHUCTHO";
    private static final String BA_DINH = "HN-BADINH";
    private static final String SON_TAY = "HN-SONTAY";
    private static final String RADIO_TELEVISION = "HN-DAIPTTH";
    private static final String NEWSPAPER = "HN-BAOHANOIMOI";
    private static final String CADRE_SCHOOL = "HN-TRUONGLEHONGPHONG";

    private final long seed;
    private final UnitCatalogue catalogue;
    private final List<String> districts;
    private final List<String> agencies;

    DatasetPlanner(long seed, UnitCatalogue catalogue) {
        this.seed = seed;
        this.catalogue = catalogue;
        this.districts = catalogue.all().stream()
                .filter(unit -> unit.kind() == UnitKind.DISTRICT || unit.kind() == UnitKind.TOWN)
                .map(Unit::id)
                .toList();
        this.agencies = catalogue.all().stream()
                .filter(unit -> unit.kind() == UnitKind.AGENCY)
                .map(Unit::id)
                .toList();
        for (String district : districts) {
            if (!POPULATION.containsKey(district)) {
                throw new IllegalArgumentException("No population is known for " + district);
            }
        }
    }

    /** The reference dataset for the seed, with a contest of {@code contestEntries} entries (none when 0). */
    static DatasetPlan plan(long seed, int contestEntries) {
        return new DatasetPlanner(seed, UnitCatalogue.hanoi()).build(contestEntries);
    }

    DatasetPlan build(int contestEntries) {
        if (contestEntries < 0) {
            throw new IllegalArgumentException("contestEntries must be 0 or more");
        }
        List<PlannedTask> tasks = tasks(random(1));
        List<PlannedDocument> documents = documents(random(2), tasks);
        Classes classes = classes(random(3));
        List<PlannedTrainingPlan> plans = trainingPlans(random(4), classes.planned());
        PlannedContest contest = contestEntries == 0 ? null : contest(contestEntries);
        List<Correction> corrections = corrections(random(5), tasks, classes);
        return new DatasetPlan(seed, tasks, documents, classes.planned(), plans, contest, corrections);
    }

    private Random random(int part) {
        return new Random(VietnameseNames.mix(seed * 31 + part));
    }

    private static final List<Seasonal> CITY_TASKS = List.of(
            new Seasonal(
                    "Tham mưu tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2021, triển khai nhiệm vụ năm 2022",
                    1,
                    2),
            new Seasonal(
                    "Tổ chức hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng"
                            + " khóa XIII",
                    1,
                    3),
            new Seasonal(
                    "Tuyên truyền kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022)",
                    1,
                    2),
            new Seasonal(
                    "Xây dựng chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2022", 1, 4),
            new Seasonal("Hướng dẫn tuyên truyền phòng, chống dịch COVID-19 trong tình hình mới", 1, 4),
            new Seasonal("Hướng dẫn tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2022", 3, 4),
            new Seasonal("Tuyên truyền Đại hội Thể thao Đông Nam Á lần thứ 31 (SEA Games 31) tổ chức tại Hà Nội", 4, 5),
            new Seasonal("Tuyên truyền kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)", 4, 5),
            new Seasonal("Tổ chức Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW của Bộ Chính trị", 5, 8),
            new Seasonal("Tổ chức Giải Báo chí Thủ đô năm 2022", 5, 6),
            new Seasonal("Tổ chức Giải Báo chí về xây dựng Đảng (Giải Búa liềm vàng) của Thành phố", 3, 9),
            new Seasonal("Sơ kết 6 tháng công tác tuyên giáo, triển khai nhiệm vụ 6 tháng cuối năm 2022", 6, 7),
            new Seasonal("Tổ chức Hội thi báo cáo viên giỏi cấp Thành phố", 6, 11),
            new Seasonal("Tuyên truyền kỷ niệm 77 năm Cách mạng Tháng Tám và Quốc khánh 2/9", 8, 9),
            new Seasonal("Tổng kết, trao giải Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW", 9, 10),
            new Seasonal("Sơ kết công tác tuyên giáo 9 tháng đầu năm 2022", 9, 10),
            new Seasonal("Tuyên truyền kỷ niệm 68 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2022)", 9, 10),
            new Seasonal("Tổng kết công tác tuyên giáo năm 2022, xây dựng chương trình công tác năm 2023", 11, 12),
            Seasonal.always("Tổ chức hội nghị báo cáo viên Thành ủy tháng {m}"),
            Seasonal.always("Tổng hợp tình hình tư tưởng cán bộ, đảng viên và nhân dân quý {q}"),
            Seasonal.always("Kiểm tra việc thực hiện Chỉ thị 05-CT/TW tại một số đảng bộ trực thuộc"),
            Seasonal.always("Biên soạn tài liệu bồi dưỡng lý luận chính trị cho đảng viên mới"),
            Seasonal.always("Tổ chức lớp bồi dưỡng nghiệp vụ công tác tuyên giáo cho cán bộ cơ sở"),
            Seasonal.always("Tổ chức hội thảo khoa học về bảo vệ nền tảng tư tưởng của Đảng"),
            Seasonal.always("Tổng hợp dư luận xã hội tháng {m}"),
            Seasonal.always("Thẩm định chương trình bồi dưỡng của Trường Đào tạo cán bộ Lê Hồng Phong"),
            Seasonal.always("Đôn đốc các đơn vị thực hiện kế hoạch bồi dưỡng lý luận chính trị năm 2022"),
            Seasonal.always("Báo cáo kết quả thực hiện Nghị quyết 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng"),
            Seasonal.always("Giao ban công tác tuyên giáo quý {q}"),
            Seasonal.always("Tham mưu sơ kết thực hiện Chương trình 06-CTr/TU của Thành ủy"),
            Seasonal.always("Tổ chức đoàn công tác học tập kinh nghiệm công tác tuyên giáo"),
            Seasonal.always("Cập nhật tài liệu sinh hoạt chi bộ tháng {m}"),
            Seasonal.always("Tổ chức tọa đàm về xây dựng văn hóa người Hà Nội thanh lịch, văn minh"));

    private static final List<Seasonal> DISTRICT_TASKS = List.of(
            new Seasonal("Xây dựng kế hoạch bồi dưỡng lý luận chính trị năm 2022 của {place}", 1, 3),
            new Seasonal(
                    "Tổ chức hội nghị học tập, quán triệt Nghị quyết Trung ương 4 khóa XIII cho cán bộ chủ chốt {place}",
                    1,
                    3),
            new Seasonal("Tuyên truyền kỷ niệm 92 năm Ngày thành lập Đảng trên địa bàn {place}", 1, 2),
            new Seasonal("Tuyên truyền SEA Games 31 trên địa bàn {place}", 4, 5),
            new Seasonal(
                    "Tổ chức cho cán bộ, đảng viên tham gia Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW", 6, 8),
            new Seasonal("Sơ kết 6 tháng công tác tuyên giáo của {place}", 6, 7),
            new Seasonal("Sơ kết công tác tuyên giáo 9 tháng đầu năm 2022 của {place}", 9, 10),
            new Seasonal("Tuyên truyền kỷ niệm 68 năm Ngày Giải phóng Thủ đô trên địa bàn {place}", 9, 10),
            new Seasonal("Tổng kết công tác tuyên giáo năm 2022 của {place}", 11, 12),
            Seasonal.always("Tổ chức hội nghị báo cáo viên tháng {m} của {place}"),
            Seasonal.always("Nắm tình hình tư tưởng cán bộ, đảng viên và nhân dân {place} quý {q}"),
            Seasonal.always("Tổ chức lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú"),
            Seasonal.always("Kiểm tra công tác tuyên giáo tại các chi bộ, đảng bộ cơ sở"),
            Seasonal.always("Biên soạn tài liệu lịch sử Đảng bộ {place}"));

    private List<PlannedTask> tasks(Random random) {
        List<String> counted = new ArrayList<>(Collections.nCopies(50, CITY));
        counted.addAll(Collections.nCopies(5, LONG_BIEN));
        counted.addAll(Collections.nCopies(4, ReferenceFigures.HOAN_KIEM));
        counted.addAll(Collections.nCopies(4, QUOC_OAI));
        counted.addAll(Collections.nCopies(3, PHUC_THO));
        List<String> others = new ArrayList<>(districts);
        others.removeAll(List.of(LONG_BIEN, ReferenceFigures.HOAN_KIEM, QUOC_OAI, PHUC_THO));
        Collections.shuffle(others, random);
        int[] shares = allocate(ReferenceFigures.TASKS_DUE - counted.size(), weightsOf(others.subList(0, 8), random));
        for (int i = 0; i < shares.length; i++) {
            counted.addAll(Collections.nCopies(shares[i], others.get(i)));
        }
        Collections.shuffle(counted, random);

        List<LocalDate> workingDays = workingDays(FIRST_DUE, ReferenceFigures.BRIEFING_TO);
        List<PlannedTask> tasks = new ArrayList<>();
        int open = ReferenceFigures.TASKS_DUE - ReferenceFigures.TASKS_DONE;
        for (int i = 0; i < counted.size(); i++) {
            String unitId = counted.get(i);
            boolean done = i >= open;
            LocalDate dueOn = done ? dueDate(random, workingDays) : ReferenceFigures.BRIEFING_TO;
            List<TaskStep> steps = new ArrayList<>();
            if (done) {
                steps.add(new TaskStep.Complete(completionOf(dueOn, random), "Đã hoàn thành theo kế hoạch"));
            }
            tasks.add(task(random, unitId, dueOn, steps));
        }
        PlannedTask reworked = tasks.stream()
                .filter(task -> !task.steps().isEmpty()
                        && ((TaskStep.Complete) task.steps().get(0))
                                .completedOn()
                                .isAfter(FIRST_DUE.plusDays(7)))
                .findFirst()
                .orElseThrow();
        LocalDate finallyDone = ((TaskStep.Complete) reworked.steps().get(0)).completedOn();
        tasks.set(
                tasks.indexOf(reworked),
                withSteps(
                        reworked,
                        List.of(
                                new TaskStep.Complete(finallyDone.minusDays(7), "Đã trình dự thảo"),
                                new TaskStep.Reopen("Dự thảo chưa đạt yêu cầu, cần bổ sung ý kiến các đơn vị"),
                                new TaskStep.Complete(finallyDone, "Đã hoàn thành sau khi bổ sung"))));

        List<LocalDate> lateDays = workingDays(LocalDate.of(2022, 10, 3), LocalDate.of(2022, 12, 30));
        for (int i = 0; i < LATE_TASKS; i++) {
            String unitId = i < 5 ? CITY : others.get(8 + i);
            tasks.add(task(random, unitId, lateDays.get(random.nextInt(lateDays.size())), List.of()));
        }
        for (int i = 0; i < CANCELLED_TASKS; i++) {
            tasks.add(task(
                    random,
                    i == 0 ? CITY : others.get(0),
                    dueDate(random, workingDays),
                    List.of(new TaskStep.Cancel(
                            i == 0
                                    ? "Không tổ chức do diễn biến phức tạp của dịch COVID-19"
                                    : "Nội dung đã được lồng ghép vào nhiệm vụ khác"))));
        }
        tasks.add(task(
                random,
                CITY,
                LocalDate.of(2022, 8, 31),
                List.of(new TaskStep.Reschedule(
                        LocalDate.of(2022, 11, 30), "Lùi thời gian thực hiện theo chỉ đạo của Thường trực Thành ủy"))));
        List<PlannedTask> keyed = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask task = tasks.get(i);
            keyed.add(new PlannedTask(
                    String.format("T%03d", i + 1),
                    task.programme(),
                    task.title(),
                    task.unitId(),
                    task.dueOn(),
                    task.description(),
                    task.steps()));
        }
        return List.copyOf(keyed);
    }

    private PlannedTask task(Random random, String unitId, LocalDate dueOn, List<TaskStep> steps) {
        String template = Seasonal.pick(unitId.equals(CITY) ? CITY_TASKS : DISTRICT_TASKS, dueOn, random);
        String title = template.replace("{m}", Integer.toString(dueOn.getMonthValue()))
                .replace("{q}", quarterOf(dueOn))
                .replace("{place}", placeOf(unitId));
        String description = random.nextInt(3) == 0
                ? "Theo Chương trình công tác năm 2022 của "
                        + catalogue.find(unitId).orElseThrow().name()
                : null;
        return new PlannedTask(null, ReferenceFigures.PROGRAMME, title, unitId, dueOn, description, List.copyOf(steps));
    }

    private static PlannedTask withSteps(PlannedTask task, List<TaskStep> steps) {
        return new PlannedTask(
                task.key(), task.programme(), task.title(), task.unitId(), task.dueOn(), task.description(), steps);
    }

    /** Most items fall due at the end of a month, the others on any working day. */
    private static LocalDate dueDate(Random random, List<LocalDate> workingDays) {
        if (random.nextInt(10) < 4) {
            LocalDate monthEnd =
                    LocalDate.of(2022, 1 + random.nextInt(8), 1).plusMonths(1).minusDays(1);
            while (!isWorkingDay(monthEnd)) {
                monthEnd = monthEnd.minusDays(1);
            }
            if (!monthEnd.isBefore(FIRST_DUE)) {
                return monthEnd;
            }
        }
        return workingDays.get(random.nextInt(workingDays.size()));
    }

    /** On the due date for about a third of the items, up to 25 days earlier for the others. */
    private static LocalDate completionOf(LocalDate dueOn, Random random) {
        if (random.nextInt(3) == 0) {
            return dueOn;
        }
        LocalDate done = dueOn.minusDays(1 + random.nextInt(25));
        while (!isWorkingDay(done)) {
            done = done.minusDays(1);
        }
        return done.isBefore(LocalDate.of(2022, 1, 4)) ? dueOn : done;
    }

    private static final List<Seasonal> PLAN_SUBJECTS = List.of(
            new Seasonal("tuyên truyền kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam", 1, 1),
            new Seasonal(
                    "học tập, quán triệt Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII", 1, 3),
            new Seasonal("bồi dưỡng lý luận chính trị năm 2022", 1, 3),
            new Seasonal("thực hiện Chỉ thị 05-CT/TW năm 2022", 1, 3),
            new Seasonal("tổ chức hội nghị báo cáo viên năm 2022", 1, 2),
            new Seasonal("nắm bắt dư luận xã hội năm 2022", 1, 2),
            new Seasonal("tuyên truyền phòng, chống dịch COVID-19", 1, 4),
            new Seasonal("kiểm tra công tác tuyên giáo năm 2022", 1, 6),
            new Seasonal("tuyên truyền SEA Games 31", 3, 5),
            new Seasonal("tuyên truyền kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh", 4, 5),
            new Seasonal("tổ chức Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW", 4, 6),
            new Seasonal("tuyên truyền kỷ niệm 77 năm Cách mạng Tháng Tám và Quốc khánh 2/9", 7, 8),
            new Seasonal("tuyên truyền kỷ niệm 68 năm Ngày Giải phóng Thủ đô", 9, 10),
            new Seasonal("tổng kết công tác tuyên giáo năm 2022", 11, 12),
            Seasonal.always("tổ chức lớp bồi dưỡng nhận thức về Đảng"),
            Seasonal.always("tuyên truyền các nhiệm vụ chính trị của Thành phố tháng {m}"));
    private static final List<Seasonal> GUIDANCE_SUBJECTS = List.of(
            new Seasonal("tuyên truyền các ngày lễ, kỷ niệm năm 2022", 1, 2),
            new Seasonal("nghiên cứu, học tập chuyên đề năm 2022", 1, 4),
            new Seasonal("tuyên truyền phòng, chống dịch COVID-19 trong tình hình mới", 1, 4),
            new Seasonal("tổ chức Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW", 5, 7),
            Seasonal.always("tổ chức hội nghị học tập, quán triệt nghị quyết"),
            Seasonal.always("sinh hoạt chi bộ theo chuyên đề"),
            Seasonal.always("tổng hợp, báo cáo tình hình tư tưởng"));
    private static final List<Seasonal> REPORTS = List.of(
            new Seasonal("Báo cáo sơ kết 6 tháng đầu năm 2022", 6, 7),
            new Seasonal("Báo cáo tổng kết công tác tuyên giáo năm 2022", 12, 12),
            Seasonal.always("Báo cáo kết quả công tác tuyên giáo tháng {m} năm 2022"),
            Seasonal.always("Báo cáo tình hình tư tưởng cán bộ, đảng viên và nhân dân tháng {m} năm 2022"),
            Seasonal.always("Báo cáo kết quả tổ chức các lớp bồi dưỡng chính trị tháng {m} năm 2022"),
            Seasonal.always("Báo cáo kết quả thực hiện Chỉ thị 05-CT/TW"),
            Seasonal.always("Báo cáo sơ kết công tác tuyên giáo quý {q} năm 2022"));
    private static final String[] LETTERS = {
        "Công văn về việc định hướng tuyên truyền tháng {m} năm 2022",
        "Công văn về việc đăng ký lớp bồi dưỡng chính trị",
        "Công văn về việc cung cấp tài liệu sinh hoạt chi bộ",
        "Thông báo kết luận hội nghị giao ban công tác tuyên giáo tháng {m}",
        "Thông báo lịch hội nghị báo cáo viên tháng {m}"
    };
    private static final String[] DIRECTIVES = {
        "Chỉ thị về tăng cường công tác tuyên truyền trong tình hình mới",
        "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    };
    private static final String[] RESOLUTIONS = {
        "Nghị quyết chuyên đề về công tác giáo dục chính trị, tư tưởng",
        "Nghị quyết về nâng cao chất lượng đội ngũ báo cáo viên"
    };

    /** A document before it has its number. */
    private record DocumentDraft(
            String unitId, LocalDate issuedOn, DocumentKind kind, boolean notice, String revocation) {}

    private List<PlannedDocument> documents(Random random, List<PlannedTask> tasks) {
        List<String> issuers = new ArrayList<>();
        issuers.add(CITY);
        issuers.addAll(agencies);
        issuers.addAll(districts);
        int agencyTotal = 0;
        int[] counts = new int[issuers.size()];
        counts[0] = 520;
        for (int a = 0; a < agencies.size(); a++) {
            counts[1 + a] = 10 + random.nextInt(11);
            agencyTotal += counts[1 + a];
        }
        int[] districtShares =
                allocate(ReferenceFigures.DOCUMENTS_ISSUED - counts[0] - agencyTotal, weightsOf(districts, random));
        System.arraycopy(districtShares, 0, counts, 1 + agencies.size(), districts.size());

        List<LocalDate> periodDays = workingDays(LocalDate.of(2022, 1, 4), ReferenceFigures.BRIEFING_TO);
        List<LocalDate> lateDays = workingDays(AFTER_BOTH_PERIODS, YEAR_END);
        List<DocumentDraft> drafts = new ArrayList<>();
        for (int u = 0; u < issuers.size(); u++) {
            for (int d = 0; d < counts[u]; d++) {
                drafts.add(draft(random, issuers.get(u), periodDays, null));
            }
        }
        for (int r = 0; r < REVOKED_DOCUMENTS; r++) {
            String unitId = r < 4 ? CITY : districts.get(random.nextInt(districts.size()));
            String reason = r % 2 == 0
                    ? "Ban hành nhầm, thay thế bằng văn bản khác"
                    : "Thu hồi do sai sót về nội dung và thể thức";
            drafts.add(draft(random, unitId, periodDays, reason));
        }
        int[] lateCounts =
                allocate(LATE_DOCUMENTS, Arrays.stream(counts).asDoubleStream().toArray());
        for (int u = 0; u < issuers.size(); u++) {
            for (int d = 0; d < lateCounts[u]; d++) {
                drafts.add(draft(random, issuers.get(u), lateDays, null));
            }
        }

        Map<String, List<DocumentDraft>> byUnit = new LinkedHashMap<>();
        for (DocumentDraft draft : drafts) {
            byUnit.computeIfAbsent(draft.unitId(), unit -> new ArrayList<>()).add(draft);
        }
        List<PlannedTask> cityTasks =
                tasks.stream().filter(task -> task.unitId().equals(CITY)).toList();
        List<PlannedDocument> documents = new ArrayList<>();
        for (Map.Entry<String, List<DocumentDraft>> unit : byUnit.entrySet()) {
            List<DocumentDraft> ofUnit = new ArrayList<>(unit.getValue());
            ofUnit.sort(Comparator.comparing(DocumentDraft::issuedOn));
            for (int n = 0; n < ofUnit.size(); n++) {
                DocumentDraft draft = ofUnit.get(n);
                String taskKey = null;
                if (draft.unitId().equals(CITY)
                        && draft.kind() == DocumentKind.PLAN
                        && draft.revocation() == null
                        && random.nextInt(4) == 0) {
                    taskKey = cityTasks.get(random.nextInt(cityTasks.size())).key();
                }
                documents.add(new PlannedDocument(
                        null,
                        numberOf(n + 1, draft),
                        titleOf(draft, random),
                        draft.kind(),
                        draft.unitId(),
                        draft.issuedOn(),
                        taskKey,
                        draft.revocation()));
            }
        }
        documents.sort(Comparator.comparing(PlannedDocument::issuedOn));
        List<PlannedDocument> keyed = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            PlannedDocument document = documents.get(i);
            keyed.add(new PlannedDocument(
                    String.format("D%04d", i + 1),
                    document.number(),
                    document.title(),
                    document.kind(),
                    document.unitId(),
                    document.issuedOn(),
                    document.taskKey(),
                    document.revocation()));
        }
        return List.copyOf(keyed);
    }

    /** Kinds in the shares a commission issues them: plans, reports and letters most, resolutions and directives few. */
    private static final Map<DocumentKind, Integer> KIND_SHARES = new EnumMap<>(Map.of(
            DocumentKind.PLAN, 28,
            DocumentKind.REPORT, 26,
            DocumentKind.OTHER, 22,
            DocumentKind.GUIDANCE, 15,
            DocumentKind.RESOLUTION, 5,
            DocumentKind.DIRECTIVE, 4));

    private static DocumentDraft draft(Random random, String unitId, List<LocalDate> days, String revocation) {
        int roll = random.nextInt(100);
        DocumentKind kind = DocumentKind.OTHER;
        for (Map.Entry<DocumentKind, Integer> share : KIND_SHARES.entrySet()) {
            if (roll < share.getValue()) {
                kind = share.getKey();
                break;
            }
            roll -= share.getValue();
        }
        boolean notice = kind == DocumentKind.OTHER && random.nextInt(10) < 3;
        return new DocumentDraft(unitId, days.get(random.nextInt(days.size())), kind, notice, revocation);
    }

    /**
     * The number a unit gives its {@code n}-th document of the year: {@code 123-KH/BTGTU} for a Party commission (city,
     * district {@code BTGQU}, rural district {@code BTGHU}, town {@code BTGTU}), {@code 12/KH-PTTH} for an agency.
     */
    private String numberOf(int n, DocumentDraft draft) {
        String kind = draft.notice() ? "TB" : draft.kind().abbreviation();
        Unit unit = catalogue.find(draft.unitId()).orElseThrow();
        if (unit.kind() == UnitKind.AGENCY) {
            String issuer = switch (unit.id()) {
                case RADIO_TELEVISION -> "PTTH";
                case NEWSPAPER -> "HNM";
                case CADRE_SCHOOL -> "TLHP";
                default -> unit.id().substring(unit.id().indexOf('-') + 1);
            };
            return n + "/" + kind + "-" + issuer;
        }
        String issuer = unit.kind() == UnitKind.CITY || unit.kind() == UnitKind.TOWN
                ? "BTGTU"
                : unit.name().contains("Quận ủy") ? "BTGQU" : "BTGHU";
        return n + "-" + kind + "/" + issuer;
    }

    private static String titleOf(DocumentDraft draft, Random random) {
        LocalDate on = draft.issuedOn();
        boolean lookingBack = draft.kind() == DocumentKind.REPORT || draft.notice();
        LocalDate about = lookingBack && on.getDayOfMonth() <= 10 ? on.minusMonths(1) : on;
        String template = switch (draft.kind()) {
            case PLAN -> "Kế hoạch " + Seasonal.pick(PLAN_SUBJECTS, on, random);
            case GUIDANCE -> "Hướng dẫn " + Seasonal.pick(GUIDANCE_SUBJECTS, on, random);
            case REPORT -> Seasonal.pick(REPORTS, on, random);
            case DIRECTIVE -> DIRECTIVES[random.nextInt(DIRECTIVES.length)];
            case RESOLUTION -> RESOLUTIONS[random.nextInt(RESOLUTIONS.length)];
            case OTHER -> draft.notice() ? LETTERS[3 + random.nextInt(2)] : LETTERS[random.nextInt(3)];
        };
        return template.replace("{m} năm 2022", about.getMonthValue() + " năm " + about.getYear())
                .replace("{q} năm 2022", quarterOf(about) + " năm " + about.getYear())
                .replace("{m}", Integer.toString(about.getMonthValue()))
                .replace("{q}", quarterOf(about));
    }

    private static final Map<Bloc, String[]> CLASS_TITLES = Map.of(
            Bloc.PARTY,
            new String[] {
                "Lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú",
                "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới",
                "Lớp học tập, quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XIII",
                "Lớp bồi dưỡng nghiệp vụ công tác đảng cho cấp ủy viên cơ sở",
                "Lớp học tập chuyên đề năm 2022 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                "Lớp bồi dưỡng nghiệp vụ công tác kiểm tra, giám sát của Đảng",
                "Lớp bồi dưỡng kiến thức cho bí thư chi bộ"
            },
            Bloc.MASS_ORGANISATIONS,
            new String[] {
                "Lớp tập huấn nghiệp vụ công tác Mặt trận Tổ quốc cơ sở",
                "Lớp bồi dưỡng cán bộ Hội Liên hiệp Phụ nữ cơ sở",
                "Lớp bồi dưỡng cán bộ Đoàn Thanh niên cơ sở",
                "Lớp tập huấn cán bộ Hội Cựu chiến binh",
                "Lớp tập huấn cán bộ Hội Nông dân",
                "Lớp bồi dưỡng cán bộ công đoàn cơ sở"
            },
            Bloc.STATE,
            new String[] {
                "Lớp bồi dưỡng kiến thức quản lý nhà nước",
                "Lớp bồi dưỡng ngạch chuyên viên",
                "Lớp bồi dưỡng kỹ năng cải cách hành chính",
                "Lớp bồi dưỡng công chức phường, xã, thị trấn",
                "Lớp bồi dưỡng kiến thức pháp luật cho cán bộ, công chức",
                "Lớp bồi dưỡng kiến thức quốc phòng và an ninh"
            },
            Bloc.OTHER,
            new String[] {
                "Lớp bồi dưỡng nghiệp vụ báo chí",
                "Lớp tập huấn phóng viên, biên tập viên",
                "Lớp bồi dưỡng kỹ năng truyền thông số",
                "Lớp tập huấn công tác thông tin đối ngoại"
            });

    /** Month weights of class starts: quiet around Tết and in the summer, busy in spring and autumn. */
    private static final double[] CLASS_MONTH_WEIGHTS = {0, 0.8, 0.6, 1.4, 1.5, 1.4, 1.3, 1.0, 1.1, 1.2, 1.2, 1.3, 0.7};

    private static final String[] CANCELLATIONS = {
        "Hoãn tổ chức do diễn biến dịch COVID-19",
        "Gộp vào lớp khác cùng đối tượng",
        "Thay đổi kế hoạch theo chỉ đạo của cấp ủy",
        "Không đủ điều kiện tổ chức trong thời gian đã thông báo"
    };

    /** A class before it has its learners. */
    private record ClassDraft(
            String unitId,
            Bloc bloc,
            ClassFormat format,
            LocalDate startsOn,
            int learners,
            int withdrawn,
            String cancellation) {

        ClassDraft withLearners(int count, int withdrawnCount) {
            return new ClassDraft(unitId, bloc, format, startsOn, count, withdrawnCount, cancellation);
        }
    }

    /** The classes and the people their learners are drawn from. */
    record Classes(List<PlannedClass> planned, People people) {}

    /** The people who take part in classes: each has a number, a unit and a citizen id; units draw from their own. */
    static final class People {

        private final List<Learner> learners = new ArrayList<>();
        private final Map<String, int[]> poolOfUnit = new HashMap<>();

        Learner get(int person) {
            return learners.get(person);
        }

        int size() {
            return learners.size();
        }

        /** The first person and the number of people of the unit; the city's classes draw from everyone. */
        int[] poolOf(String unitId) {
            return unitId.equals(CITY) ? new int[] {0, learners.size()} : poolOfUnit.get(unitId);
        }
    }

    private Classes classes(Random random) {
        List<ClassDraft> drafts = new ArrayList<>();
        List<LocalDate> periodDays = workingDays(FIRST_CLASS_START, ReferenceFigures.BRIEFING_TO);
        for (ReferenceFigures.BlocShare share : ReferenceFigures.BLOCS) {
            List<ClassDraft> ofBloc = new ArrayList<>();
            Map<String, Integer> perUnit = classesPerUnit(share, random);
            for (Map.Entry<String, Integer> unit : perUnit.entrySet()) {
                for (int c = 0; c < unit.getValue(); c++) {
                    ClassFormat format = formatOf(share.bloc(), unit.getKey(), random);
                    ofBloc.add(new ClassDraft(
                            unit.getKey(),
                            share.bloc(),
                            format,
                            weightedDay(periodDays, random),
                            rawSize(format, random),
                            0,
                            null));
                }
            }
            drafts.addAll(scaleTo(ofBloc, share.learnerTurns()));
        }
        int[] withdrawals = withdrawalsOver(drafts.size(), random);
        for (int i = 0; i < drafts.size(); i++) {
            if (withdrawals[i] > 0) {
                ClassDraft draft = drafts.get(i);
                drafts.set(i, draft.withLearners(draft.learners() + withdrawals[i], withdrawals[i]));
            }
        }
        List<LocalDate> lateDays = workingDays(AFTER_BOTH_PERIODS, LAST_LATE_CLASS_START);
        for (int c = 0; c < CANCELLED_CLASSES + LATE_CLASSES; c++) {
            boolean cancelled = c < CANCELLED_CLASSES;
            Bloc bloc = blocByShare(random);
            String unitId = random.nextInt(8) == 0 ? CITY : districts.get(random.nextInt(districts.size()));
            ClassFormat format = formatOf(bloc, unitId, random);
            LocalDate startsOn = cancelled ? weightedDay(periodDays, random) : weightedDay(lateDays, random);
            String cancellation = cancelled
                    ? (startsOn.getMonthValue() <= 3 ? CANCELLATIONS[0] : CANCELLATIONS[1 + random.nextInt(3)])
                    : null;
            int learners = (int) Math.round(rawSize(format, random) * 0.65);
            drafts.add(new ClassDraft(unitId, bloc, format, startsOn, learners, 0, cancellation));
        }
        drafts.sort(Comparator.comparing(ClassDraft::startsOn));

        People people = people(drafts, random);
        Map<String, Integer> courseNumbers = new HashMap<>();
        List<PlannedClass> planned = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ClassDraft draft = drafts.get(i);
            List<Learner> learners = draw(people, draft.unitId(), draft.learners(), random);
            List<String> withdrawn = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int p = 0; p < learners.size(); p++) {
                positions.add(p);
            }
            Collections.shuffle(positions, random);
            for (int w = 0; w < draft.withdrawn(); w++) {
                withdrawn.add(learners.get(positions.get(w)).learnerId());
            }
            String template = CLASS_TITLES.get(draft.bloc())[random.nextInt(CLASS_TITLES.get(draft.bloc()).length)];
            int course = courseNumbers.merge(draft.unitId() + template, 1, Integer::sum);
            String title = template + formatSuffix(draft.format()) + ", khóa " + course + " năm 2022 - "
                    + placeOf(draft.unitId());
            EnrolmentMode mode = learners.size() <= 60 && random.nextInt(10) == 0
                    ? EnrolmentMode.ONE_BY_ONE
                    : random.nextInt(100) < 55 ? EnrolmentMode.CSV : EnrolmentMode.JSON;
            Integer capacity = draft.format() == ClassFormat.IN_PERSON && random.nextInt(10) < 4
                    ? (learners.size() + 9) / 10 * 10 + random.nextInt(3) * 10
                    : null;
            planned.add(new PlannedClass(
                    String.format("L%04d", i + 1),
                    title,
                    draft.unitId(),
                    draft.bloc(),
                    draft.format(),
                    draft.startsOn(),
                    endOf(draft.startsOn(), draft.format(), random),
                    capacity,
                    learners,
                    mode,
                    List.copyOf(withdrawn),
                    draft.cancellation()));
        }
        return new Classes(List.copyOf(planned), people);
    }

    /**
     * The published number of classes of a bloc, shared out over the units that organise such classes: Hoàn Kiếm, the
     * city commission and the agencies get fixed numbers, the other districts and towns the rest by their size.
     */
    private Map<String, Integer> classesPerUnit(ReferenceFigures.BlocShare share, Random random) {
        Map<String, Integer> fixed = new LinkedHashMap<>();
        switch (share.bloc()) {
            case PARTY -> {
                fixed.put(ReferenceFigures.HOAN_KIEM, 36);
                fixed.put(CITY, 28);
                fixed.put(CADRE_SCHOOL, 20);
                fixed.put(RADIO_TELEVISION, 3);
                fixed.put(NEWSPAPER, 2);
            }
            case MASS_ORGANISATIONS -> {
                fixed.put(ReferenceFigures.HOAN_KIEM, 14);
                fixed.put(CITY, 10);
            }
            case STATE -> {
                fixed.put(ReferenceFigures.HOAN_KIEM, 23);
                fixed.put(CITY, 22);
                fixed.put(CADRE_SCHOOL, 45);
            }
            case OTHER -> {
                fixed.put(RADIO_TELEVISION, 6);
                fixed.put(NEWSPAPER, 5);
                fixed.put(CITY, 3);
            }
        }
        Map<String, Integer> perUnit = new LinkedHashMap<>(fixed);
        int rest = share.classes()
                - fixed.values().stream().mapToInt(Integer::intValue).sum();
        List<String> others = new ArrayList<>(districts);
        others.remove(ReferenceFigures.HOAN_KIEM);
        if (share.bloc() == Bloc.OTHER) {
            Collections.shuffle(others, random);
            for (int i = 0; i < rest; i++) {
                perUnit.merge(others.get(i % others.size()), 1, Integer::sum);
            }
        } else {
            int[] counts = allocate(rest, weightsOf(others, random));
            for (int i = 0; i < others.size(); i++) {
                perUnit.put(others.get(i), counts[i]);
            }
        }
        return perUnit;
    }

    private static ClassFormat formatOf(Bloc bloc, String unitId, Random random) {
        int roll = random.nextInt(100);
        int online = switch (bloc) {
            case PARTY -> 18;
            case MASS_ORGANISATIONS -> 10;
            case STATE -> 15;
            case OTHER -> unitId.equals(RADIO_TELEVISION) || unitId.equals(NEWSPAPER) ? 0 : 20;
        };
        return roll < online ? ClassFormat.ONLINE : roll < online + 12 ? ClassFormat.BLENDED : ClassFormat.IN_PERSON;
    }

    /** A class size before scaling: in-person classes are small, online ones can be large. */
    private static int rawSize(ClassFormat format, Random random) {
        double r = random.nextDouble();
        return switch (format) {
            case IN_PERSON -> (int) Math.round(30 + 250 * Math.pow(r, 1.6));
            case BLENDED -> (int) Math.round(60 + 400 * Math.pow(r, 1.4));
            case ONLINE -> (int) Math.round(150 + 1600 * Math.pow(r, 1.3));
        };
    }

    /** The drafts with their sizes scaled to add up to exactly {@code total}, rounding by largest remainder. */
    private static List<ClassDraft> scaleTo(List<ClassDraft> drafts, int total) {
        double[] weights = drafts.stream().mapToDouble(ClassDraft::learners).toArray();
        int[] sizes = allocate(total, weights);
        List<ClassDraft> scaled = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (sizes[i] < 1) {
                throw new IllegalStateException("A class would have no learners");
            }
            scaled.add(drafts.get(i).withLearners(sizes[i], 0));
        }
        return scaled;
    }

    /** {@link #WITHDRAWALS} withdrawals over {@link #CLASSES_WITH_WITHDRAWALS} of the first {@code classes}. */
    private static int[] withdrawalsOver(int classes, Random random) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            chosen.add(i);
        }
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, CLASSES_WITH_WITHDRAWALS);
        int[] withdrawals = new int[classes];
        chosen.forEach(c -> withdrawals[c] = 1);
        for (int w = CLASSES_WITH_WITHDRAWALS; w < WITHDRAWALS; ) {
            int c = chosen.get(random.nextInt(chosen.size()));
            if (withdrawals[c] < 15) {
                withdrawals[c]++;
                w++;
            }
        }
        return withdrawals;
    }

    private static Bloc blocByShare(Random random) {
        int roll = random.nextInt(ReferenceFigures.CLASSES);
        for (ReferenceFigures.BlocShare share : ReferenceFigures.BLOCS) {
            if (roll < share.classes()) {
                return share.bloc();
            }
            roll -= share.classes();
        }
        throw new IllegalStateException();
    }

    /**
     * The people of each unit other than the city, enough for its largest class and about two classes each: most
     * people take part in more than one class. Citizen ids are those of Hanoi (province code 001).
     */
    private People people(List<ClassDraft> drafts, Random random) {
        Map<String, int[]> demand = new LinkedHashMap<>();
        for (Unit unit : catalogue.all()) {
            demand.put(unit.id(), new int[2]);
        }
        for (ClassDraft draft : drafts) {
            int[] ofUnit = demand.get(draft.unitId());
            ofUnit[0] += draft.learners();
            ofUnit[1] = Math.max(ofUnit[1], draft.learners());
        }
        People people = new People();
        for (Map.Entry<String, int[]> unit : demand.entrySet()) {
            int size = unit.getKey().equals(CITY)
                    ? 300
                    : Math.max((int) Math.ceil(unit.getValue()[0] * 0.5), unit.getValue()[1] + 25);
            int first = people.size();
            for (int p = first; p < first + size; p++) {
                boolean female = random.nextBoolean();
                int born = 1962 + (int) Math.round(42 * Math.pow(random.nextDouble(), 0.8));
                int code = (born >= 2000 ? 2 : 0) + (female ? 1 : 0);
                String learnerId = String.format("001%d%02d%06d", code, born % 100, p);
                people.learners.add(new Learner(learnerId, VietnameseNames.of(p, female), unit.getKey()));
            }
            people.poolOfUnit.put(unit.getKey(), new int[] {first, size});
        }
        if (people.size() > 1_000_000) {
            throw new IllegalStateException("Citizen ids have room for a million people, not " + people.size());
        }
        return people;
    }

    /** {@code count} distinct people of the unit's pool, chosen at random (Floyd's algorithm). */
    private static List<Learner> draw(People people, String unitId, int count, Random random) {
        int[] pool = people.poolOf(unitId);
        if (count > pool[1]) {
            throw new IllegalStateException(unitId + " has " + pool[1] + " people, not " + count);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int j = pool[1] - count; j < pool[1]; j++) {
            int t = random.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        List<Learner> learners = new ArrayList<>(count);
        for (int person : chosen) {
            learners.add(people.get(pool[0] + person));
        }
        return List.copyOf(learners);
    }

    private static LocalDate endOf(LocalDate startsOn, ClassFormat format, Random random) {
        return switch (format) {
            case IN_PERSON -> startsOn.plusDays(new int[] {0, 1, 2, 4}[random.nextInt(4)]);
            case ONLINE -> startsOn.plusDays(random.nextInt(2));
            case BLENDED -> startsOn.plusDays(6 + random.nextInt(24));
        };
    }

    private static String formatSuffix(ClassFormat format) {
        return switch (format) {
            case IN_PERSON -> "";
            case ONLINE -> " (trực tuyến)";
            case BLENDED -> " (trực tiếp kết hợp trực tuyến)";
        };
    }

    private List<PlannedTrainingPlan> trainingPlans(Random random, List<PlannedClass> classes) {
        Map<String, Map<Bloc, Integer>> actual = new HashMap<>();
        for (PlannedClass planned : classes) {
            if (planned.cancellation() == null && !planned.startsOn().isAfter(ReferenceFigures.BRIEFING_TO)) {
                actual.computeIfAbsent(planned.organizerUnitId(), unit -> new EnumMap<>(Bloc.class))
                        .merge(planned.bloc(), 1, Integer::sum);
            }
        }
        List<PlannedTrainingPlan> plans = new ArrayList<>();
        plans.add(new PlannedTrainingPlan(
                ReferenceFigures.HOAN_KIEM,
                2022,
                List.of(
                        new PlanLine(
                                "Khối Đảng và đoàn thể",
                                List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS),
                                ReferenceFigures.HOAN_KIEM_PARTY_AND_MASS_CLASSES),
                        new PlanLine(
                                "Quản lý nhà nước", List.of(Bloc.STATE), ReferenceFigures.HOAN_KIEM_STATE_CLASSES))));
        plans.add(plan(
                random,
                actual,
                CITY,
                List.of("Khối Đảng và đoàn thể", "Khối Nhà nước", "Lớp khác"),
                List.of(List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), List.of(Bloc.STATE), List.of(Bloc.OTHER))));
        plans.add(plan(
                random,
                actual,
                LONG_BIEN,
                List.of("Khối Đảng", "Khối Đoàn thể", "Khối Nhà nước"),
                List.of(List.of(Bloc.PARTY), List.of(Bloc.MASS_ORGANISATIONS), List.of(Bloc.STATE))));
        plans.add(plan(
                random,
                actual,
                QUOC_OAI,
                List.of("Khối Đảng và đoàn thể", "Quản lý nhà nước"),
                List.of(List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), List.of(Bloc.STATE))));
        plans.add(plan(
                random,
                actual,
                PHUC_THO,
                List.of("Lý luận chính trị và nghiệp vụ công tác Đảng", "Đoàn thể và chính quyền cơ sở"),
                List.of(List.of(Bloc.PARTY), List.of(Bloc.MASS_ORGANISATIONS, Bloc.STATE))));
        plans.add(plan(
                random,
                actual,
                BA_DINH,
                List.of("Khối Đảng", "Khối Đoàn thể", "Khối Nhà nước", "Lớp khác"),
                List.of(
                        List.of(Bloc.PARTY),
                        List.of(Bloc.MASS_ORGANISATIONS),
                        List.of(Bloc.STATE),
                        List.of(Bloc.OTHER))));
        plans.add(plan(
                random,
                actual,
                SON_TAY,
                List.of("Các lớp bồi dưỡng năm 2022"),
                List.of(List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS, Bloc.STATE, Bloc.OTHER))));
        return List.copyOf(plans);
    }

    /** A plan whose lines allow for about a third more classes over the year than were held by September. */
    private static PlannedTrainingPlan plan(
            Random random,
            Map<String, Map<Bloc, Integer>> actual,
            String unitId,
            List<String> labels,
            List<List<Bloc>> blocs) {
        Map<Bloc, Integer> held = actual.getOrDefault(unitId, Map.of());
        List<PlanLine> lines = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            int sum = blocs.get(l).stream()
                    .mapToInt(bloc -> held.getOrDefault(bloc, 0))
                    .sum();
            double factor = 1.25 + random.nextDouble() * 0.2;
            lines.add(new PlanLine(labels.get(l), blocs.get(l), Math.max(1, (int) Math.ceil(sum * factor))));
        }
        return new PlannedTrainingPlan(unitId, 2022, List.copyOf(lines));
    }

    private PlannedContest contest(int entries) {
        List<PlannedContest.UnitWeight> weights = new ArrayList<>();
        weights.add(new PlannedContest.UnitWeight(CITY, 40));
        for (String district : districts) {
            weights.add(new PlannedContest.UnitWeight(district, POPULATION.get(district)));
        }
        for (String agency : agencies) {
            weights.add(new PlannedContest.UnitWeight(agency, 5));
        }
        int participants = (int) Math.max(1, Math.round(entries * CONTEST_PARTICIPANT_SHARE));
        return new PlannedContest(
                ReferenceFigures.CONTEST_TITLE,
                ReferenceFigures.CONTEST_SUBJECT,
                ReferenceFigures.CONTEST_OPENS,
                ReferenceFigures.CONTEST_CLOSES,
                entries,
                participants,
                weights,
                VietnameseNames.mix(seed * 31 + 6));
    }

    /**
     * The changes made after the meeting, each cancelling out within one unit, bloc and format: a late learner in a
     * Party class and another withdrawn from it; a completed item reopened and completed again with an earlier date;
     * a class cancelled and opened again as a new class with the same learners.
     */
    private List<Correction> corrections(Random random, List<PlannedTask> tasks, Classes classes) {
        List<PlannedClass> candidates = classes.planned().stream()
                .filter(planned -> planned.cancellation() == null
                        && !planned.startsOn().isAfter(ReferenceFigures.BRIEFING_TO)
                        && planned.withdrawals().isEmpty()
                        && planned.capacity() == null
                        && districts.contains(planned.organizerUnitId()))
                .toList();
        List<PlannedClass> party =
                candidates.stream().filter(c -> c.bloc() == Bloc.PARTY).toList();
        PlannedClass late = party.get(random.nextInt(party.size()));
        Set<String> inClass = new HashSet<>();
        late.learners().forEach(learner -> inClass.add(learner.learnerId()));
        int[] pool = classes.people().poolOf(late.organizerUnitId());
        Learner newcomer = null;
        for (int p = random.nextInt(pool[1]); newcomer == null; p = (p + 1) % pool[1]) {
            Learner candidate = classes.people().get(pool[0] + p);
            if (!inClass.contains(candidate.learnerId())) {
                newcomer = candidate;
            }
        }
        String leaver =
                late.learners().get(random.nextInt(late.learners().size())).learnerId();

        PlannedTask corrected = tasks.stream()
                .filter(task -> task.steps().size() == 1
                        && task.steps().get(0) instanceof TaskStep.Complete complete
                        && complete.completedOn().isAfter(LocalDate.of(2022, 3, 1)))
                .skip(random.nextInt(10))
                .findFirst()
                .orElseThrow();
        LocalDate completedOn = ((TaskStep.Complete) corrected.steps().get(0)).completedOn();

        List<PlannedClass> state = candidates.stream()
                .filter(c -> c.bloc() == Bloc.STATE && !c.key().equals(late.key()))
                .toList();
        PlannedClass moved = state.get(random.nextInt(state.size()));
        PlannedClass replacement = new PlannedClass(
                moved.key() + "R",
                moved.title() + " (lập lại)",
                moved.organizerUnitId(),
                moved.bloc(),
                moved.format(),
                moved.startsOn(),
                moved.endsOn(),
                null,
                moved.learners(),
                EnrolmentMode.JSON,
                List.of(),
                null);
        return List.of(
                new Correction.EnrolLearner(late.key(), newcomer),
                new Correction.WithdrawLearner(late.key(), leaver),
                new Correction.ChangeTask(
                        corrected.key(), new TaskStep.Reopen("Cập nhật ngày hoàn thành theo báo cáo kết quả")),
                new Correction.ChangeTask(
                        corrected.key(),
                        new TaskStep.Complete(completedOn.minusDays(3), "Ngày hoàn thành theo báo cáo kết quả")),
                new Correction.CancelClass(
                        moved.key(), "Lớp được lập lại để sửa thông tin; học viên chuyển sang lớp mới"),
                new Correction.OpenClass(replacement));
    }

    /** A title that suits the months from {@code from} to {@code to} (1 to 12): an anniversary, a season's task. */
    private record Seasonal(String text, int from, int to) {

        static Seasonal always(String text) {
            return new Seasonal(text, 1, 12);
        }

        static String pick(List<Seasonal> titles, LocalDate on, Random random) {
            List<Seasonal> suiting = titles.stream()
                    .filter(title -> title.from() <= on.getMonthValue() && on.getMonthValue() <= title.to())
                    .toList();
            return suiting.get(random.nextInt(suiting.size())).text();
        }
    }

    /** Weights of units by the square root of their population, varied by up to a third either way. */
    private double[] weightsOf(List<String> units, Random random) {
        double[] weights = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            weights[i] = Math.sqrt(POPULATION.getOrDefault(units.get(i), 100)) * (0.7 + 0.6 * random.nextDouble());
        }
        return weights;
    }

    /** {@code total} shared out in proportion to the weights, rounding by largest remainder: the shares add up. */
    static int[] allocate(int total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        int[] shares = new int[weights.length];
        Integer[] order = new Integer[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainders[i]));
        for (int k = 0; k < total - given; k++) {
            shares[order[k % order.length]]++;
        }
        return shares;
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.contains(day);
    }

    static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private static LocalDate weightedDay(List<LocalDate> days, Random random) {
        double total = 0;
        for (LocalDate day : days) {
            total += CLASS_MONTH_WEIGHTS[day.getMonthValue()];
        }
        double target = random.nextDouble() * total;
        for (LocalDate day : days) {
            target -= CLASS_MONTH_WEIGHTS[day.getMonthValue()];
            if (target < 0) {
                return day;
            }
        }
        return days.get(days.size() - 1);
    }

    private static String quarterOf(LocalDate date) {
        return new String[] {"I", "II", "III", "IV"}[(date.getMonthValue() - 1) / 3];
    }

    /** How a unit is named inside a title: {@code quận Hoàn Kiếm}, {@code huyện Quốc Oai}, {@code thị xã Sơn Tây}. */
    private String placeOf(String unitId) {
        Unit unit = catalogue.find(unitId).orElseThrow();
        String name = unit.name();
        if (unit.kind() == UnitKind.CITY) {
            return "Thành ủy Hà Nội";
        }
        if (unit.kind() == UnitKind.AGENCY) {
            return name;
        }
        for (String[] prefix : new String[][] {
            {"Ban Tuyên giáo Quận ủy ", "quận "},
            {"Ban Tuyên giáo Huyện ủy ", "huyện "},
            {"Ban Tuyên giáo Thị ủy ", "thị xã "}
        }) {
            if (name.startsWith(prefix[0])) {
                return prefix[1] + name.substring(prefix[0].length());
            }
        }
        return name;
    }
}
