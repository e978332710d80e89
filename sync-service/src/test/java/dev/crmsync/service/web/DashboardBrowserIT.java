package dev.crmsync.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crmsync.service.InstantlyWebhooks;
import dev.crmsync.service.RunningService;
import dev.crmsync.service.TestDatabase;
import dev.crmsync.testkit.hubspot.HubSpotSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as an operator uses it, in headless Chromium: log in with the admin token, follow one
 * lead's journey, replay a dead letter once the CRM accepts the value. Leaves a screenshot in
 * {@code target/dashboard.png} (the one in {@code docs/} was taken from it).
 */
class DashboardBrowserIT {
    private static final List<String> LEAD_STATUSES_WITHOUT_UNQUALIFIED = List.of("NEW", "OPEN", "IN_PROGRESS",
            "OPEN_DEAL", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING");
    private static final String ANN = "ann@acme.example";
    private static final String BOB = "bob@acme.example";

    private HubSpotSimulator hubspot;
    private RunningService service;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        hubspot = HubSpotSimulator.start();
        // HubSpot does not offer the lead status 'wrong person' maps to: that write fails for good.
        hubspot.defineProperty("contacts", "hs_lead_status", LEAD_STATUSES_WITHOUT_UNQUALIFIED);
        service = RunningService.start(RunningService.settings(TestDatabase.fresh(), hubspot));
        InstantlyWebhooks webhooks = new InstantlyWebhooks(service.uri("/webhooks/instantly"));
        Instant t0 = Instant.now().minusSeconds(60);
        webhooks.post(InstantlyWebhooks.event("reply_received", ANN, t0, Map.of("email_id", "r-ann-1",
                "reply_text", "Sounds good, call me Tuesday")));
        webhooks.post(InstantlyWebhooks.event("lead_interested", ANN, t0.plusSeconds(5), Map.of()));
        webhooks.post(InstantlyWebhooks.event("lead_wrong_person", BOB, t0.plusSeconds(10), Map.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.isDrained() && openDeadLetters() == 1);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (hubspot != null) {
            hubspot.close();
        }
    }

    @Test
    void operatorLogsInFollowsALeadsJourneyAndReplaysADeadLetter() throws Exception {
        // given the dashboard, reachable without the token
        browser.get(service.uri("/").toString());

        // when a wrong token is tried, then refused, and the right one lets the operator in
        logIn("not-the-token");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "refused"));
        logIn(RunningService.ADMIN_TOKEN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#tile-dead .value"), "1"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ingest-chart svg rect")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calls-table td[data-answer='2xx']")));

        // when the operator looks up Ann
        browser.findElement(By.id("email")).sendKeys(ANN);
        browser.findElement(By.id("search")).click();

        // then her journey reads received, translated, decisions with reasons, commands and HubSpot's answers
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li.call")));
        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.entry"));
        List<String> types = entries.stream().map(e -> e.getDomAttribute("data-type")).toList();
        assertThat(types.get(0)).isEqualTo("received");
        assertThat(types).contains("translated", "decision", "command", "call");
        assertThat(types.indexOf("translated")).isLessThan(types.indexOf("decision"));
        List<WebElement> decisions = browser.findElements(By.cssSelector("#timeline li.decision"));
        assertThat(decisions).extracting(e -> e.getDomAttribute("data-outcome")).contains("applied");
        assertThat(decisions).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("lifecyclestage").contains("salesqualifiedlead"));
        assertThat(browser.findElements(By.cssSelector("#timeline li.call")))
                .extracting(WebElement::getText).allSatisfy(text -> assertThat(text).contains("written").contains("HTTP 2"));
        screenshot();

        // when HubSpot accepts the value and the operator replays Bob's dead letter
        hubspot.defineProperty("contacts", "hs_lead_status", List.of("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL",
                "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"));
        WebElement row = browser.findElement(By.cssSelector("#dead-letter-table tr.dead-letter"));
        assertThat(row.getText()).contains(BOB).contains("hubspot");
        row.findElement(By.cssSelector("button.replay")).click();

        // then it leaves the list and HubSpot gets the write
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-dead-letters")));
        await().atMost(Duration.ofSeconds(30)).until(() -> hubspot.contact(BOB)
                .map(c -> "UNQUALIFIED".equals(c.get("hs_lead_status"))).orElse(false));
        assertThat(openDeadLetters()).isZero();
    }

    private void logIn(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.id("login-submit")).click();
    }

    private long openDeadLetters() {
        return service.jdbc().queryForObject("select count(*) from dead_letter where replayed_at is null", Long.class);
    }

    private void screenshot() throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
