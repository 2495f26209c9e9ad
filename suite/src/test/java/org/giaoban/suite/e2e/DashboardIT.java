package org.giaoban.suite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser (Debian's headless Chromium) in front of the whole suite: a small dataset of 2023 for
 * two districts, Quốc Oai and Phúc Thọ, loaded through the API, then each role signs in and the figures on the page are
 * read against the API's answer for the same period, unit and instant. Screenshots are saved under
 * {@code target/dashboard/}. Skipped only when {@code /usr/bin/chromium} is missing ({@code .ci/run} installs it).
 */
@ExtendWith(SharedSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final String FROM = "2023-01-01";
    static final String TO = "2023-09-30";
    static final String QUOCOAI = "HN-QUOCOAI";
    static final String PHUCTHO = "HN-PHUCTHO";
    static final int PARTY_CLASS_LEARNERS = 1234;
    static final String QUOCOAI_OPEN_TITLE = "Tổ chức hội nghị báo cáo viên quý III";
    static final Path SCREENSHOTS = Path.of("target", "dashboard");

    static RunningSuite suite;
    static HeadlessChromium browser;
    static WebDriver driver;

    static String partyClassId;
    static String phucThoClassId;
    static String completedTaskId;
    static int nextLearner = 1;
    /** After the work items were planned, before any was completed. */
    static Instant beforeCompletions;

    @BeforeAll
    static void loadTheDatasetAndOpenTheBrowser(RunningSuite running) throws IOException {
        assumeTrue(
                HeadlessChromium.installed(),
                "Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, /usr/bin/chromedriver):"
                        + " the browser tests are skipped; .ci/run installs them");
        suite = running;
        loadDataset();
        browser = HeadlessChromium.start(SCREENSHOTS);
        driver = browser.driver();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void nobodyIsSignedIn() {
        driver.get(suite.gateway().resolve("/favicon.svg").toString());
        driver.manage().deleteAllCookies();
    }

    // ---- the dataset: 2023, two districts ----

    static void loadDataset() {
        String quocOaiDone1 = task("Quán triệt Nghị quyết Hội nghị Trung ương 7", QUOCOAI, "2023-02-15");
        String quocOaiDone2 = task("Tuyên truyền kỷ niệm 93 năm thành lập Đảng", QUOCOAI, "2023-04-20");
        String quocOaiDone3 = task("Sơ kết công tác tuyên giáo 6 tháng đầu năm", QUOCOAI, "2023-06-30");
        task(QUOCOAI_OPEN_TITLE, QUOCOAI, "2023-08-31");
        String phucThoDone = task("Học tập và làm theo tư tưởng Hồ Chí Minh", PHUCTHO, "2023-03-31");
        task("Kiểm tra công tác tuyên truyền miệng", PHUCTHO, "2023-09-15");
        beforeCompletions = Instant.now();
        complete(quocOaiDone1, "2023-02-10");
        complete(quocOaiDone2, "2023-04-18");
        complete(quocOaiDone3, "2023-06-29");
        complete(phucThoDone, "2023-03-30");
        completedTaskId = quocOaiDone3;

        document("01-KH/BTGHU", "PLAN", QUOCOAI, "2023-01-10");
        document("02-CT/BTGHU", "DIRECTIVE", QUOCOAI, "2023-02-01");
        document("05-KH/BTGHU", "PLAN", PHUCTHO, "2023-03-05");
        document("09-BC/BTGHU", "REPORT", PHUCTHO, "2023-05-05");

        partyClassId = trainingClass(
                "Bồi dưỡng lý luận chính trị cho đảng viên mới",
                QUOCOAI,
                "PARTY",
                "IN_PERSON",
                "2023-03-01",
                PARTY_CLASS_LEARNERS);
        trainingClass("Bồi dưỡng kiến thức quản lý nhà nước", QUOCOAI, "STATE", "ONLINE", "2023-04-10", 56);
        phucThoClassId = trainingClass(
                "Tập huấn nghiệp vụ công tác Đoàn thể", PHUCTHO, "MASS_ORGANISATIONS", "BLENDED", "2023-05-20", 78);
        trainingClass("Lớp bồi dưỡng báo cáo viên", PHUCTHO, "OTHER", "IN_PERSON", "2023-07-01", 9);

        Answer plan = suite.as("admin")
                .send(
                        "PUT",
                        "/api/training-plans/" + QUOCOAI + "/2023",
                        "application/json",
                        ("{\"lines\": [{\"label\": \"Khối Đảng và Đoàn thể\", \"blocs\": [\"PARTY\", \"MASS_ORGANISATIONS\"],"
                                        + " \"classes\": 3}, {\"label\": \"Quản lý nhà nước\", \"blocs\": [\"STATE\"],"
                                        + " \"classes\": 2}]}")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(plan.status()).as(plan.toString()).isBetween(200, 201);

        String contestId = created(suite.as("admin")
                .post(
                        "/api/contests",
                        "{\"title\": \"Tìm hiểu Nghị quyết 15-NQ/TW\", \"subject\": \"Nghị quyết 15-NQ/TW\","
                                + " \"opensAt\": \"2023-03-01T00:00:00Z\", \"closesAt\": \"2023-08-31T00:00:00Z\"}"));
        ArrayNode entries = Answer.JSON.createArrayNode();
        String[][] takers = {{"thi-001", QUOCOAI}, {"thi-002", QUOCOAI}, {"thi-001", QUOCOAI}, {"thi-003", PHUCTHO}};
        for (int i = 0; i < takers.length; i++) {
            entries.addObject()
                    .put("participantId", takers[i][0])
                    .put("unitId", takers[i][1])
                    .put("submittedAt", "2023-0" + (4 + i) + "-10T02:00:00Z")
                    .put("score", 70 + i);
        }
        ObjectNode batch = Answer.JSON.createObjectNode();
        batch.set("entries", entries);
        Answer entered = suite.as("admin").post("/api/contests/" + contestId + "/entries/batch", batch.toString());
        assertThat(entered.status()).as(entered.toString()).isBetween(200, 202);

        // The briefing follows the stores within moments: wait until it has every record of the dataset.
        Answer briefing = Polling.until(
                SuiteThroughGatewayIT.READ_MODEL_CATCH_UP,
                () -> suite.as("viewer").get(briefingPath(FROM, TO, "HN", null)),
                answer -> answer.status() == 200
                        && answer.json().path("training").path("learnerTurns").asLong() == PARTY_CLASS_LEARNERS + 143
                        && answer.json().path("tasks").path("completed").asLong() == 4
                        && answer.json().path("documents").path("issued").asLong() == 4
                        && answer.json().path("contests").toString().contains("\"entries\":4"));
        assertThat(briefing.json().path("training").path("learnerTurns").asLong())
                .as(briefing.toString())
                .isEqualTo(PARTY_CLASS_LEARNERS + 143);
    }

    static String task(String title, String unitId, String dueOn) {
        ObjectNode task = Answer.JSON
                .createObjectNode()
                .put("programme", "2023")
                .put("title", title)
                .put("unitId", unitId)
                .put("dueOn", dueOn);
        return created(suite.as("admin").post("/api/tasks", task.toString()));
    }

    static String title(String taskId) {
        return suite.as("admin")
                .get("/api/tasks/" + taskId)
                .json()
                .path("title")
                .asText();
    }

    static void complete(String taskId, String completedOn) {
        Answer completed = suite.as("admin")
                .post("/api/tasks/" + taskId + "/complete", "{\"completedOn\": \"" + completedOn + "\"}");
        assertThat(completed.status()).as(completed.toString()).isBetween(200, 204);
    }

    static void document(String number, String kind, String unitId, String issuedOn) {
        ObjectNode document = Answer.JSON
                .createObjectNode()
                .put("number", number)
                .put("title", "Văn bản " + number)
                .put("kind", kind)
                .put("unitId", unitId)
                .put("issuedOn", issuedOn);
        created(suite.as("admin").post("/api/documents", document.toString()));
    }

    static String trainingClass(
            String title, String unitId, String bloc, String format, String startsOn, int learners) {
        ObjectNode opened = Answer.JSON
                .createObjectNode()
                .put("title", title)
                .put("organizerUnitId", unitId)
                .put("bloc", bloc)
                .put("format", format)
                .put("startsOn", startsOn)
                .put("endsOn", startsOn);
        String classId = created(suite.as("admin").post("/api/classes", opened.toString()));
        ArrayNode list = Answer.JSON.createArrayNode();
        for (int i = 0; i < learners; i++) {
            list.addObject()
                    .put("learnerId", String.format(Locale.ROOT, "0793%08d", nextLearner++))
                    .put("fullName", "Nguyễn Văn Học " + i)
                    .put("unitId", unitId);
        }
        ObjectNode batch = Answer.JSON.createObjectNode();
        batch.set("learners", list);
        Answer enrolled = suite.as("admin").post("/api/classes/" + classId + "/enrolments/batch", batch.toString());
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        assertThat(enrolled.json().path("accepted").asInt())
                .as(enrolled.toString())
                .isEqualTo(learners);
        return classId;
    }

    static String created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    // ---- the page ----

    static String briefingPath(String from, String to, String unitId, String recordedAt) {
        return "/api/reports/briefing?from=" + from + "&to=" + to + "&unitId=" + unitId
                + (recordedAt != null ? "&recordedAt=" + recordedAt : "");
    }

    static String view(String from, String to, String unitId, String lang) {
        return suite.gateway()
                .resolve("/?from=" + from + "&to=" + to + "&unitId=" + unitId + "&lang=" + lang)
                .toString();
    }

    /** Opens an address, signs in on the page it shows, and waits for the figures. */
    static void signIn(String address, String user) {
        driver.get(address);
        WebElement name = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(suite.demoPassword());
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        awaitFigures();
    }

    static void awaitFigures() {
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("figures"), "aria-busy", "false"));
    }

    /** Every figure on the page: where it is in the API's answer, and the text shown. */
    static Map<String, String> figuresShown() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement figure : driver.findElements(By.cssSelector("[data-figure]"))) {
            shown.put(figure.getDomAttribute("data-figure"), figure.getText());
        }
        return shown;
    }

    /** A number of the API as the page must write it: 230.516 in Vietnamese, 230,516 in English. */
    static String written(JsonNode value, String path, String lang) {
        if (path.endsWith("completionRate")) {
            String percent = String.format(Locale.ROOT, "%.1f", value.asDouble() * 100);
            return (lang.equals("vi") ? percent.replace('.', ',') : percent) + "%";
        }
        String grouped = String.format(Locale.ROOT, "%,d", value.asLong());
        return lang.equals("vi") ? grouped.replace(',', '.') : grouped;
    }

    static JsonNode at(JsonNode answer, String path) {
        JsonNode node = answer;
        for (String step : path.split("\\.")) {
            node = step.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        return node;
    }

    /** Reads every figure off the page against the API's answer for the same view, and returns that answer. */
    static JsonNode assertFiguresAreTheApis(String from, String to, String unitId, String recordedAt, String lang) {
        Answer api = suite.as("viewer").get(briefingPath(from, to, unitId, recordedAt));
        assertThat(api.status()).as(api.toString()).isEqualTo(200);
        Map<String, String> shown = figuresShown();
        List<String> required = new ArrayList<>(List.of(
                "tasks.due",
                "tasks.completed",
                "tasks.overdue",
                "documents.issued",
                "training.classes",
                "training.learnerTurns",
                "training.byBloc.PARTY.learnerTurns",
                "training.byFormat.ONLINE.classes"));
        if (api.json().path("tasks").path("completionRate").isNull()) {
            assertThat(shown).as("no rate when nothing is due").doesNotContainKey("tasks.completionRate");
        } else {
            required.add("tasks.completionRate");
        }
        assertThat(shown).as("the figures of the page").containsKeys(required.toArray(String[]::new));
        Map<String, String> expected = new LinkedHashMap<>();
        shown.keySet().forEach(path -> {
            JsonNode value = at(api.json(), path);
            assertThat(value.isNumber()).as(path + " in " + api).isTrue();
            expected.put(path, written(value, path, lang));
        });
        assertThat(shown).as("the page against " + api).isEqualTo(expected);
        return api.json();
    }

    static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    static void assertChartsDrawn() {
        List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart"));
        assertThat(charts).as("charts").hasSizeGreaterThanOrEqualTo(4);
        for (WebElement chart : charts) {
            assertThat(chart.getRect().getWidth())
                    .as(chart.getDomAttribute("aria-label"))
                    .isGreaterThan(200);
            assertThat(chart.getRect().getHeight())
                    .as(chart.getDomAttribute("aria-label"))
                    .isGreaterThan(30);
            List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
            assertThat(bars).as(chart.getDomAttribute("aria-label")).isNotEmpty();
            bars.forEach(bar -> assertThat(bar.getRect().getWidth()).isPositive());
        }
    }

    /** Pixels of the colour of the charts' first series (#1f4e8c) in a screenshot: bars drawn on screen. */
    static long barPixels(Path screenshot) throws IOException {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == 0x1f4e8c) {
                    count++;
                }
            }
        }
        return count;
    }

    static List<String> optionValues(String selectId) {
        return new Select(driver.findElement(By.id(selectId)))
                .getOptions().stream()
                        .map(option -> option.getDomAttribute("value"))
                        .toList();
    }

    // ---- the tests ----

    @Test
    @Order(1)
    void aViewerOpensALinkSignsInAndSeesTheNineMonthsOfTheApiInVietnamese() throws IOException {
        String link = view(FROM, TO, "HN", "vi");

        signIn(link, "viewer");

        assertThat(driver.getCurrentUrl()).as("the link's view, after sign-in").isEqualTo(link);
        assertThat(script("return document.documentElement.lang")).isEqualTo("vi");
        assertFiguresAreTheApis(FROM, TO, "HN", null, "vi");
        Map<String, String> shown = figuresShown();
        assertThat(shown.get("training.learnerTurns")).isEqualTo("1.377");
        assertThat(shown.get("training.byBloc.PARTY.learnerTurns")).isEqualTo("1.234");
        assertThat(shown.get("tasks.due")).isEqualTo("6");
        assertThat(shown.get("tasks.completed")).isEqualTo("4");
        assertThat(shown.get("tasks.overdue")).isEqualTo("2");
        assertThat(shown.get("documents.byKind.PLAN")).isEqualTo("2");
        assertThat(driver.findElement(By.id("contests-table")).getText()).contains("Tìm hiểu Nghị quyết 15-NQ/TW 4 3");
        assertThat(driver.findElements(By.cssSelector("#contests svg.chart rect.bar")))
                .as("the contest's entries and participants, one bar each")
                .hasSize(2);
        assertThat(driver.findElement(By.cssSelector(".period")).getText())
                .isEqualTo("Kỳ báo cáo: 01/01/2023 – 30/09/2023; đơn vị: "
                        + new Select(driver.findElement(By.id("unit")))
                                .getFirstSelectedOption()
                                .getText()
                                .strip());
        assertThat(driver.findElement(By.id("overdue")).getText())
                .contains(QUOCOAI_OPEN_TITLE)
                .contains("31/08/2023");
        assertChartsDrawn();
        assertThat(driver.findElements(By.id("entry")))
                .as("data entry, for a viewer")
                .isEmpty();
        assertThat(driver.findElements(By.id("audit")))
                .as("the audit, for a viewer")
                .isEmpty();
        assertThat(barPixels(browser.screenshot("briefing-vi")))
                .as("bars on the screenshot")
                .isGreaterThan(2000);
    }

    @Test
    @Order(2)
    void theUnitTreeAndTheLanguageSwitchChangeTheAddressAndBackReturns() {
        signIn(view(FROM, TO, "HN", "vi"), "viewer");
        List<String> units = optionValues("unit");
        assertThat(units.get(0)).isEqualTo("HN");
        assertThat(units).contains(QUOCOAI, PHUCTHO).hasSizeGreaterThan(30);

        new Select(driver.findElement(By.id("unit"))).selectByValue(QUOCOAI);
        browser.waiting().until(ExpectedConditions.urlContains("unitId=" + QUOCOAI));
        awaitFigures();
        JsonNode quocOai = assertFiguresAreTheApis(FROM, TO, QUOCOAI, null, "vi");
        assertThat(quocOai.path("training").path("learnerTurns").asLong()).isEqualTo(PARTY_CLASS_LEARNERS + 56);

        driver.findElement(By.id("lang-en")).click();
        browser.waiting().until(ExpectedConditions.urlContains("lang=en"));
        awaitFigures();
        assertThat(script("return document.documentElement.lang")).isEqualTo("en");
        assertFiguresAreTheApis(FROM, TO, QUOCOAI, null, "en");
        assertThat(figuresShown().get("training.learnerTurns")).isEqualTo("1,290");
        assertThat(driver.findElement(By.id("training-heading")).getText()).isEqualTo("Political training");
        browser.screenshot("briefing-en");

        driver.navigate().back();
        browser.waiting().until(ExpectedConditions.urlContains("lang=vi"));
        awaitFigures();
        assertThat(driver.getCurrentUrl()).contains("unitId=" + QUOCOAI);
        assertThat(driver.findElement(By.id("training-heading")).getText()).isEqualTo("Bồi dưỡng chính trị");
        assertThat(figuresShown().get("training.learnerTurns")).isEqualTo("1.290");
    }

    @Test
    @Order(3)
    void thePeriodPresetsSetTheDates() {
        signIn(view("2023-01-01", "2023-12-31", "HN", "vi"), "viewer");

        driver.findElement(By.id("preset-q2")).click();
        browser.waiting().until(ExpectedConditions.urlContains("from=2023-04-01&to=2023-06-30"));
        awaitFigures();
        assertFiguresAreTheApis("2023-04-01", "2023-06-30", "HN", null, "vi");
        assertThat(figuresShown().get("training.classes")).isEqualTo("2");

        driver.findElement(By.id("preset-nine-months")).click();
        browser.waiting().until(ExpectedConditions.urlContains("from=2023-01-01&to=2023-09-30"));
        awaitFigures();
        assertThat(figuresShown().get("training.classes")).isEqualTo("4");
    }

    @Test
    @Order(4)
    void theExportButtonsDownloadTheSameReportAsCsvAndExcel() {
        signIn(view(FROM, TO, QUOCOAI, "vi"), "viewer");

        String csv = driver.findElement(By.id("export-csv")).getDomAttribute("href");
        String xlsx = driver.findElement(By.id("export-xlsx")).getDomAttribute("href");

        String query = "from=" + FROM + "&to=" + TO + "&unitId=" + QUOCOAI;
        assertThat(csv).isEqualTo("/api/reports/briefing?" + query + "&format=csv");
        assertThat(xlsx).isEqualTo("/api/reports/briefing?" + query + "&format=xlsx");
        @SuppressWarnings("unchecked")
        List<Object> csvDownload = (List<Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(async r => done([r.status, r.headers.get('Content-Type'),"
                                + " await r.text()]), e => done(['failed', String(e), '']));",
                        csv);
        assertThat(csvDownload.get(0)).as(csvDownload.toString()).isEqualTo(200L);
        assertThat((String) csvDownload.get(1)).startsWith("text/csv");
        Answer apiCsv = suite.as("viewer").get(csv);
        assertThat(csvDownload.get(2)).isEqualTo(apiCsv.body());
        @SuppressWarnings("unchecked")
        List<Object> xlsxDownload = (List<Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(async r => done([r.status, r.headers.get('Content-Type'),"
                                + " new Uint8Array(await r.arrayBuffer()).length]), e => done(['failed', String(e), 0]));",
                        xlsx);
        assertThat(xlsxDownload.get(0)).as(xlsxDownload.toString()).isEqualTo(200L);
        assertThat((String) xlsxDownload.get(1))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat((Long) xlsxDownload.get(2)).isGreaterThan(1000L);
    }

    @Test
    @Order(5)
    void asRecordedAtShowsTheFiguresAsTheyStoodAndSaysSo() {
        String before = beforeCompletions.toString();
        signIn(view(FROM, TO, QUOCOAI, "vi") + "&recordedAt=" + before, "viewer");

        JsonNode then = assertFiguresAreTheApis(FROM, TO, QUOCOAI, before, "vi");
        assertThat(then.path("tasks").path("due").asLong()).isEqualTo(4);
        assertThat(figuresShown().get("tasks.completed")).isEqualTo("0");
        assertThat(driver.findElement(By.id("as-recorded")).getText()).startsWith("Số liệu như đã ghi nhận lúc");
        browser.screenshot("briefing-as-recorded");

        // The picker, in Hanoi time: 08:00 on 1 January 2020 is 01:00 UTC, before anything was recorded.
        script("document.getElementById('recorded-at').value = '2020-01-01T08:00'");
        driver.findElement(By.id("show")).click();
        browser.waiting().until(ExpectedConditions.urlContains("recordedAt=2020-01-01T01%3A00%3A00Z"));
        awaitFigures();
        assertFiguresAreTheApis(FROM, TO, QUOCOAI, "2020-01-01T01:00:00Z", "vi");
        assertThat(figuresShown().get("training.learnerTurns")).isEqualTo("0");
        assertThat(driver.findElement(By.id("as-recorded")).getText()).contains("01/01/2020");

        driver.findElement(By.id("recorded-now")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("recordedAt")));
        awaitFigures();
        assertThat(driver.findElements(By.id("as-recorded"))).isEmpty();
    }

    @Test
    @Order(6)
    void anOfficerEntersAndCompletesAWorkItemAndTheFiguresFollowWithoutAReload() {
        signIn(view(FROM, TO, QUOCOAI, "vi"), "quocoai");
        long due = Long.parseLong(figuresShown().get("tasks.due"));
        long completed = Long.parseLong(figuresShown().get("tasks.completed"));
        assertThat(optionValues("task-unit")).containsExactly(QUOCOAI);
        script("window.sameDocument = true");
        String title = "Tuyên truyền Đại hội Đảng bộ huyện " + System.nanoTime();

        driver.findElement(By.id("task-title")).sendKeys(title);
        script("document.getElementById('task-due').value = '2023-07-15'");
        driver.findElement(By.cssSelector("#new-task button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"), title));
        browser.waiting()
                .until(ExpectedConditions.textToBe(
                        By.cssSelector("[data-figure='tasks.due']"), Long.toString(due + 1)));
        WebElement complete = browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.xpath(
                        "//table[@id='open-tasks-table']//tr[th[normalize-space()='" + title + "']]//button")));
        complete.click();
        browser.waiting()
                .until(ExpectedConditions.textToBe(
                        By.cssSelector("[data-figure='tasks.completed']"), Long.toString(completed + 1)));
        assertThat(script("return window.sameDocument"))
                .as("the same page, never reloaded")
                .isEqualTo(true);
        assertFiguresAreTheApis(FROM, TO, QUOCOAI, null, "vi");
        Answer listed = suite.as("viewer").get("/api/tasks?unitId=" + QUOCOAI + "&status=COMPLETED&size=500");
        assertThat(listed.body()).contains(title);
    }

    @Test
    @Order(7)
    void anOfficerUploadsAClassListAndSeesWhatWasAcceptedAndRefusedRowByRow() throws IOException {
        signIn(view(FROM, TO, QUOCOAI, "vi"), "quocoai");
        Path classList = SCREENSHOTS.resolve("danh-sach-lop.csv").toAbsolutePath();
        Files.writeString(
                classList,
                "learnerId,fullName,unitId\n"
                        + "079301900001,Trần Thị Mai,HN-QUOCOAI\n"
                        + "079301900002,\"Lê Văn Nam, con\",HN-QUOCOAI\n"
                        + "0793 019#0003,Phạm Thu Hà,HN-QUOCOAI\n"
                        + "079301900004,Đỗ Minh Đức,HN-KHONGCO\n",
                StandardCharsets.UTF_8);
        long enrolledBefore = suite.as("admin")
                .get("/api/classes/" + partyClassId)
                .json()
                .path("enrolled")
                .asLong();

        browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(
                        By.id("upload-class"), By.cssSelector("option[value='" + partyClassId + "']")));
        new Select(driver.findElement(By.id("upload-class"))).selectByValue(partyClassId);
        driver.findElement(By.id("upload-file")).sendKeys(classList.toString());
        driver.findElement(By.cssSelector("#class-list button[type=submit]")).click();

        WebElement rows = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-table")));
        List<List<String>> table = rows.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(WebElement::getText)
                        .toList())
                .toList();
        assertThat(table).hasSize(4);
        assertThat(table.get(0)).containsExactly("1", "079301900001", "Trần Thị Mai", "Đã nhận");
        assertThat(table.get(1)).containsExactly("2", "079301900002", "Lê Văn Nam, con", "Đã nhận");
        assertThat(table.get(2).get(3)).startsWith("Bị từ chối:");
        assertThat(table.get(3).get(3)).startsWith("Bị từ chối:").contains("HN-KHONGCO");
        assertThat(driver.findElement(By.id("upload-status")).getText())
                .isEqualTo("Đã nhận 2, đã có trong lớp 0, bị từ chối 2.");
        assertThat(suite.as("admin")
                        .get("/api/classes/" + partyClassId)
                        .json()
                        .path("enrolled")
                        .asLong())
                .isEqualTo(enrolledBefore + 2);
        script("arguments[0].scrollIntoView()", driver.findElement(By.id("class-list")));
        browser.screenshot("class-list-upload");
    }

    @Test
    @Order(8)
    void anOfficerOfAnotherDistrictIsNotOfferedQuocOaisWork() {
        signIn(view(FROM, TO, QUOCOAI, "vi"), "phuctho");

        assertThat(optionValues("task-unit")).containsExactly(PHUCTHO);
        browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(
                        By.id("upload-class"), By.cssSelector("option[value='" + phucThoClassId + "']")));
        assertThat(optionValues("upload-class")).contains(phucThoClassId).doesNotContain(partyClassId);
        WebElement open =
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("open-tasks-table")));
        assertThat(open.getText()).contains("Kiểm tra công tác tuyên truyền miệng");
        assertThat(open.getText()).doesNotContain(QUOCOAI_OPEN_TITLE);
        assertThat(driver.findElements(By.id("audit")))
                .as("the audit, for an officer")
                .isEmpty();
        assertFiguresAreTheApis(FROM, TO, QUOCOAI, null, "vi");
    }

    @Test
    @Order(9)
    void anAuditorReadsTheLedgerVerifiesItAndReadsAWorkItemsHistory() {
        signIn(view(FROM, TO, "HN", "vi"), "auditor");
        assertThat(driver.findElements(By.id("entry")))
                .as("data entry, for an auditor")
                .isEmpty();

        Answer head = suite.as("auditor").get("/api/audit/tree-heads/latest?service=tasks");
        WebElement ledger = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ledger-tasks button.verify")));
        if (head.status() == 200) {
            assertThat(driver.findElement(By.cssSelector("#ledger-tasks .hash")).getText())
                    .hasSize(64)
                    .matches("[0-9a-f]+");
        } else {
            assertThat(head.status()).as(head.toString()).isEqualTo(404);
            assertThat(driver.findElement(By.id("ledger-tasks")).getText()).contains("Chưa có đầu cây đã ký");
        }
        ledger.click();
        JsonNode verification =
                suite.as("auditor").get("/api/audit/verify?service=tasks").json();
        assertThat(verification.path("verified").asBoolean())
                .as(verification.toString())
                .isTrue();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#ledger-tasks .verification"), "Toàn vẹn:"));

        driver.findElement(By.id("history-id")).sendKeys(completedTaskId);
        driver.findElement(By.cssSelector("#history-form button[type=submit]")).click();
        WebElement history =
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("history-table")));
        JsonNode changes = suite.as("auditor")
                .get("/api/audit/records/" + completedTaskId + "?service=tasks")
                .json()
                .path("changes");
        List<WebElement> rows = history.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(changes.size()).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.cssSelector("td"));
            assertThat(cells.get(0).getText())
                    .isEqualTo(changes.path(i).path("change").asText());
            assertThat(cells.get(1).getText()).isEqualTo("admin");
        }
        script("arguments[0].scrollIntoView()", driver.findElement(By.id("audit")));
        browser.screenshot("audit");
    }

    @Test
    @Order(10)
    void anAdministratorIsOfferedEverythingAndEveryFieldHasALabel() {
        signIn(view(FROM, TO, "HN", "vi"), "admin");

        assertThat(driver.findElements(By.id("entry"))).isNotEmpty();
        assertThat(driver.findElements(By.id("audit"))).isNotEmpty();
        assertThat(optionValues("task-unit")).contains("HN", QUOCOAI, PHUCTHO);
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) script("return [...document.querySelectorAll('input, select,"
                + " textarea')].filter(f => f.labels.length === 0 && !f.getAttribute('aria-label'))"
                + ".map(f => f.outerHTML)");
        assertThat(unlabelled).as("fields without a label").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>)
                script("return [...document.querySelectorAll('button, a')].filter(b => !b.textContent.trim())"
                        + ".map(b => b.outerHTML)");
        assertThat(unnamed).as("buttons and links without a name").isEmpty();
        browser.screenshot("administrator");
    }

    @Test
    @Order(11)
    void thePrintViewShowsTheFiguresWithoutTheControls() {
        signIn(view(FROM, TO, "HN", "vi"), "viewer");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.id("filters")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("tasks")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("training")).isDisplayed()).isTrue();
            browser.screenshot("print");
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    @Order(12)
    void aWrongPasswordIsSaidOnThePageAndSigningOutReturnsToTheSignIn() {
        driver.get(view(FROM, TO, "HN", "vi"));
        browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")))
                .sendKeys("viewer");
        driver.findElement(By.id("password")).sendKeys("không phải mật khẩu");
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("sign-in-status"), "The user name or password is not right."));
        browser.screenshot("sign-in");

        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(suite.demoPassword());
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        awaitFigures();
        driver.findElement(By.id("sign-out")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        Object status = ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/me', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                        + ".then(r => done(r.status), e => done(String(e)));");
        assertThat(status).as("/api/me after signing out").isEqualTo(401L);
    }
}
