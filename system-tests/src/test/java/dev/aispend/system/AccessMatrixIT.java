package dev.aispend.system;

import dev.aispend.testsupport.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of every running service, as the service itself lists it ({@code GET /routes}), against every role
 * and against no credentials at all: a caller without credentials gets 401, a role the route does not admit 403,
 * and a role it admits anything but those two. A route the matrix (AccessMatrix) does not know fails the test,
 * so a route added later without deciding its roles cannot pass. Every refused request is sent before any
 * admitted one, and nothing may have been stored or published by them: the topics' end offsets and the row count
 * of every table in every service's database are the same before and after.
 */
class AccessMatrixIT {
    private static final String RUN = "access";
    private static final Pattern ROUTE = Pattern.compile("\\{\\[(.+?)\\],method=\\[([A-Z]+)\\]");
    /** Routes that take no JSON (a 415 would come before the roles are checked); /routes does not list media types. */
    private static final Map<String, String> NOT_JSON = Map.of("POST /v1/directory/import", "text/csv");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");
    private static final String TEAM = "team-a";
    private static final String PERSON = "prs_member";
    private static RunningSystem system;

    /** @param contentType a media type the route consumes (a body of another type would be a 415) */
    record Route(String service, String method, String template, String contentType) {
        /** Micronaut answers HEAD for every GET route, with the GET route's rules. */
        String key() {
            return (method.equals("HEAD") ? "GET" : method) + " " + template;
        }
    }

    @BeforeAll
    static void start() {
        system = RunningSystem.start(RUN);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void every_route_admits_exactly_its_roles_and_a_refused_request_stores_and_publishes_nothing() {
        List<Route> routes = routesOfTheRunningServices();
        Set<String> unknown = new TreeSet<>();
        routes.stream().filter(route -> !AccessMatrix.ROUTES.containsKey(route.key()))
                .forEach(route -> unknown.add(route.service() + ": " + route.key()));
        assertThat(unknown).as("routes without roles in AccessMatrix (decide who may call them)").isEmpty();
        Set<String> served = new TreeSet<>();
        routes.forEach(route -> served.add(route.key()));
        assertThat(new TreeSet<>(AccessMatrix.ROUTES.keySet())).as("routes in AccessMatrix no service serves")
                .isSubsetOf(served);

        Map<String, Long> before = SideEffects.snapshot(system, RunningSystem.topicPrefix(RUN));
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            Set<String> admitted = AccessMatrix.ROUTES.get(route.key());
            if (!AccessMatrix.admits(admitted, "anonymous")) {
                expect(route, "anonymous", 401, wrong);
            }
            for (String role : AccessMatrix.ROLES) {
                if (!AccessMatrix.admits(admitted, role)) {
                    expect(route, role, 403, wrong);
                }
            }
        }
        assertThat(SideEffects.snapshot(system, RunningSystem.topicPrefix(RUN)))
                .as("refused requests stored or published nothing").isEqualTo(before);

        for (Route route : routes) {
            Set<String> admitted = AccessMatrix.ROUTES.get(route.key());
            for (String role : roles(admitted)) {
                JsonHttp.Response answer = call(route, role);
                if (answer.status() == 401 || answer.status() == 403) {
                    wrong.add(route.service() + " " + route.key() + " as " + role + ": " + answer.status()
                            + " (admitted) " + answer.body());
                }
            }
        }
        assertThat(wrong).as("answers that do not match the matrix").isEmpty();
    }

    private static List<String> roles(Set<String> admitted) {
        if (admitted == AccessMatrix.ANONYMOUS) {
            List<String> everyone = new ArrayList<>(AccessMatrix.ROLES);
            everyone.add("anonymous");
            return everyone;
        }
        return admitted == AccessMatrix.AUTHENTICATED ? AccessMatrix.ROLES : List.copyOf(admitted);
    }

    private static void expect(Route route, String role, int status, List<String> wrong) {
        JsonHttp.Response answer = call(route, role);
        if (answer.status() != status) {
            wrong.add(route.service() + " " + route.key() + " as " + role + ": " + answer.status() + ", expected "
                    + status);
        } else if (!route.method().equals("HEAD")
                && !"application/problem+json".equals(answer.header("Content-Type"))) {
            wrong.add(route.service() + " " + route.key() + " as " + role + ": " + status + " without a problem body");
        }
    }

    private static JsonHttp.Response call(Route route, String role) {
        String url = system.url(route.service()) + concrete(route.template());
        if (route.method().equals("GET") || route.method().equals("HEAD")) {
            url += "?team=" + TEAM + "&personRef=" + PERSON;
        }
        return JsonHttp.call(route.method(), url, "Authorization", credentials(role), "Content-Type",
                route.contentType());
    }

    /** The template with each variable replaced by a value of its shape. */
    private static String concrete(String template) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = variable.group(2) != null && variable.group(2).contains("0-9") ? "1"
                    : switch (name) {
                        case "selector" -> "liveness";
                        case "team" -> TEAM;
                        case "generation" -> "1";
                        default -> "x";
                    };
            variable.appendReplacement(path, value);
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static String credentials(String role) {
        return switch (role) {
            case "anonymous" -> "";
            case "team-member", "team-lead" ->
                    "Bearer " + TestIssuer.teamToken("matrix-" + role, role, List.of(TEAM), PERSON);
            default -> "Bearer " + TestIssuer.token("matrix-" + role, role);
        };
    }

    private static List<Route> routesOfTheRunningServices() {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (String service : new TreeSet<>(system.serviceNames())) {
            JsonHttp.Response listed = JsonHttp.get(system.url(service) + "/routes");
            assertThat(listed.status()).as(service + " /routes").isEqualTo(200);
            for (var names = listed.body().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Matcher route = ROUTE.matcher(name);
                if (!route.find()) {
                    continue;
                }
                String template = route.group(1).replaceAll("\\{\\?[^}]*}", "");
                String contentType = NOT_JSON.getOrDefault(route.group(2) + " " + template, "application/json");
                Route found = new Route(service, route.group(2), template, contentType);
                routes.putIfAbsent(service + " " + found.method() + " " + found.template(), found);
            }
        }
        assertThat(routes).as("routes listed by the services").isNotEmpty();
        return List.copyOf(routes.values());
    }

}
