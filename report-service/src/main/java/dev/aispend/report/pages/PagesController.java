package dev.aispend.report.pages;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The dashboard, the CFO page and a team's page (docs/dashboard.md). Served to anyone: each page is a shell of
 * HTML that holds no figures; its script asks the /v1/reports endpoints for them with the bearer token the reader
 * gives it, so every figure is still behind the reports' roles and team scope. Declared anonymous here, route by
 * route, so that the rule refusing undeclared routes still holds for everything else.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@Hidden
final class PagesController {
    /** Team names as ingest accepts them (docs/ingest-api.md); anything else is no team's page. */
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final byte[] dashboard;
    private final byte[] cfo;
    private final byte[] team;

    PagesController(ResourceResolver resources) {
        String shell = read(resources, "shell.html");
        this.dashboard = page(shell, resources, "dashboard", "AI spend ledger: dashboard", "");
        this.cfo = page(shell, resources, "cfo", "AI spend: CFO summary",
                "  <link rel=\"stylesheet\" href=\"/assets/cfo.css\">\n");
        this.team = page(shell, resources, "team", "Team", "");
    }

    /** The shell with the page's own part, title and stylesheet: constants of the jar, never a request's input. */
    private static byte[] page(String shell, ResourceResolver resources, String name, String title, String styles) {
        return shell.replace("{{styles}}", styles).replace("{{title}}", title).replace("{{page}}", name)
                .replace("{{content}}", read(resources, name + ".html")).getBytes(StandardCharsets.UTF_8);
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> dashboard() {
        return HttpResponse.ok(dashboard);
    }

    @Get(value = "/cfo", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> cfo() {
        return HttpResponse.ok(cfo);
    }

    /** The page never echoes the team: its script reads it from the address, so a bad name is only a 404. */
    @Get(value = "/teams/{team}", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> team(@PathVariable("team") String name) {
        return TEAM.matcher(name).matches() ? HttpResponse.ok(team) : HttpResponse.notFound();
    }

    private static String read(ResourceResolver resources, String file) {
        String path = "classpath:pages/" + file;
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException(path + " is missing from the jar"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
