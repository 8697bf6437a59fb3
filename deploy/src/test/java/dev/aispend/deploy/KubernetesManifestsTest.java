package dev.aispend.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both overlays as kubectl kustomize renders them, checked against the schemas and what the services need. */
class KubernetesManifestsTest {
    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @Test
    void every_object_of_both_overlays_and_the_production_secrets_matches_the_kubernetes_schemas() {
        List<String> command = new ArrayList<>(List.of("node", "validate-manifests.mjs"));
        OVERLAYS.forEach(overlay -> command.add(Manifests.renderedFile(overlay).toString()));
        command.add(Deployment.deployDirectory().resolve("k8s/overlays/production/secrets.example.yaml").toString());

        String output = Command.succeeding(Deployment.checksDirectory(), command);

        assertThat(output).contains(", 0 invalid").doesNotContain("INVALID");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_service_is_probed_at_its_health_endpoints_on_its_own_port(String overlay) {
        for (Tree deployment : services(overlay)) {
            Tree container = container(deployment);
            assertThat(container.path("ports").list()).extracting(port -> port.get("name").text()).contains("http");
            assertThat(container.path("startupProbe", "httpGet", "path").text()).isEqualTo("/health/liveness");
            assertThat(container.path("livenessProbe", "httpGet", "path").text()).isEqualTo("/health/liveness");
            assertThat(container.path("readinessProbe", "httpGet", "path").text()).isEqualTo("/health/readiness");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe, "httpGet", "port").text()).as(deployment.name()).isEqualTo("http");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_container_has_resource_requests_and_a_memory_limit(String overlay) {
        for (Tree workload : workloads(overlay)) {
            for (Tree container : workload.path("spec", "template", "spec", "containers").list()) {
                Tree resources = container.get("resources");
                assertThat(resources.path("requests", "cpu").text()).as(workload.name()).isNotNull();
                assertThat(resources.path("requests", "memory").text()).as(workload.name()).isNotNull();
                assertThat(resources.path("limits", "memory").text()).as(workload.name()).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_pod_runs_as_a_non_root_user_without_privileges(String overlay) {
        for (Tree workload : workloads(overlay)) {
            Tree pod = workload.path("spec", "template", "spec");
            assertThat(pod.path("securityContext", "runAsNonRoot").value()).as(workload.name()).isEqualTo(true);
            assertThat(pod.path("securityContext", "seccompProfile", "type").text()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").value()).as(workload.name()).isEqualTo(false);
            for (Tree container : pod.get("containers").list()) {
                Tree security = container.get("securityContext");
                assertThat(security.get("allowPrivilegeEscalation").value()).as(workload.name()).isEqualTo(false);
                assertThat(security.path("capabilities", "drop").list()).extracting(Tree::text).containsExactly("ALL");
            }
        }
        for (Tree service : services(overlay)) {
            assertThat(container(service).path("securityContext", "readOnlyRootFilesystem").value())
                    .as(service.name() + " writes only its /tmp volume").isEqualTo(true);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_service_has_a_disruption_budget_that_never_blocks_a_drain_on_a_pod_that_is_not_ready(String overlay) {
        List<Tree> objects = Manifests.objects(overlay);
        for (Tree deployment : services(overlay)) {
            Tree budget = Manifests.named(objects, "PodDisruptionBudget", deployment.name());
            Map<String, String> podLabels = labels(deployment.path("spec", "template", "metadata", "labels"));
            Map<String, String> selected = labels(budget.path("spec", "selector", "matchLabels"));
            assertThat(selected).as(deployment.name()).isNotEmpty();
            assertThat(podLabels).as(deployment.name()).containsAllEntriesOf(selected);
            assertThat(budget.path("spec", "unhealthyPodEvictionPolicy").text()).isEqualTo("AlwaysAllow");
        }
        // A ledger standby is never ready: a budget counting it as unavailable would keep the leader from eviction.
        Tree ledgerBudget = Manifests.named(objects, "PodDisruptionBudget", "ledger-service").get("spec");
        assertThat(ledgerBudget.get("minAvailable").text()).isEqualTo("0");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_service_is_given_every_setting_its_application_yml_requires(String overlay) {
        PodReferences references = references(overlay);
        for (Tree deployment : services(overlay)) {
            assertThat(ServiceSettings.unmet(deployment.name(), references.environment(container(deployment))))
                    .as(deployment.name() + " is not given").isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_configuration_and_secret_a_pod_refers_to_exists_with_its_keys(String overlay) {
        PodReferences references = references(overlay);
        for (Tree workload : workloads(overlay)) {
            Tree pod = workload.path("spec", "template", "spec");
            for (Tree container : pod.get("containers").list()) {
                assertThat(references.problems(pod, container)).as(workload.name()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_service_is_scraped_by_prometheus_at_its_metrics_endpoint(String overlay) {
        for (Tree deployment : services(overlay)) {
            Tree annotations = deployment.path("spec", "template", "metadata", "annotations");
            assertThat(annotations.get("prometheus.io/scrape").text()).isEqualTo("true");
            assertThat(annotations.get("prometheus.io/path").text()).isEqualTo("/prometheus");
            assertThat(annotations.get("prometheus.io/port").text())
                    .isEqualTo(container(deployment).path("ports").list().get(0).get("containerPort").text());
        }
    }

    @Test
    void production_runs_two_instances_of_every_service_from_a_registry_with_a_release_tag() {
        for (Tree deployment : services("production")) {
            assertThat(deployment.path("spec", "replicas").text()).as(deployment.name()).isEqualTo("2");
            assertThat(container(deployment).get("image").text())
                    .matches("[a-z0-9.-]+\\.[a-z]+/aispend/" + deployment.name() + ":[0-9][0-9A-Za-z.-]*")
                    .doesNotEndWith(":latest");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_ledger_stops_its_old_pods_before_starting_new_ones(String overlay) {
        Tree ledger = Manifests.named(Manifests.objects(overlay), "Deployment", "ledger-service");

        assertThat(ledger.path("spec", "strategy", "type").text()).isEqualTo("Recreate");
    }

    static List<Tree> services(String overlay) {
        List<Tree> services = Manifests.ofKind(Manifests.objects(overlay), "Deployment").stream()
                .filter(deployment -> ServiceSettings.SERVICES.contains(deployment.name())).toList();
        assertThat(services).extracting(Tree::name).containsExactlyInAnyOrderElementsOf(ServiceSettings.SERVICES);
        return services;
    }

    private static List<Tree> workloads(String overlay) {
        List<Tree> objects = Manifests.objects(overlay);
        List<Tree> workloads = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            workloads.addAll(Manifests.ofKind(objects, kind));
        }
        return workloads;
    }

    private static Map<String, String> labels(Tree labels) {
        Map<String, String> texts = new java.util.HashMap<>();
        labels.keys().forEach(key -> texts.put(key, labels.get(key).text()));
        return texts;
    }

    private static Tree container(Tree deployment) {
        return deployment.path("spec", "template", "spec", "containers").list().get(0);
    }

    private static PodReferences references(String overlay) {
        List<Tree> objects = new ArrayList<>(Manifests.objects(overlay));
        if (overlay.equals("production")) {
            objects.addAll(Manifests.productionSecretsExample());
        }
        return new PodReferences(objects);
    }
}
