// Validates every object of the given multi-document YAML files against the Kubernetes API schemas of
// kubernetes-models (installed into target/ by deploy/tools/ensure-tools.sh). An object of a kind it has no schema
// for is a failure, never a pass. Prints one line per object and exits 1 if any failed.
//   node validate-manifests.mjs rendered-local.yaml rendered-production.yaml
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const object of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (object == null) {
      continue;
    }
    const name = `${file}: ${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
    checked++;
    try {
      withoutLineBreaksInBinaryData(object);
      const models = await import(`kubernetes-models/${object.apiVersion}`);
      const Model = models[object.kind];
      if (Model === undefined) {
        throw new Error(`no schema for kind ${object.kind} in kubernetes-models/${object.apiVersion}`);
      }
      new Model(object).validate();
      console.log(`valid ${name}`);
    } catch (error) {
      failures++;
      console.log(`INVALID ${name}: ${error.message}`);
    }
  }
}
/**
 * kustomize writes a Secret's base64 values folded over several lines; the API server reads them as one (Go's
 * base64 decoder skips line breaks), but the schema's "byte" format does not, so they are joined before checking.
 */
function withoutLineBreaksInBinaryData(object) {
  for (const field of ["data", "binaryData"]) {
    if ((object.kind === "Secret" || object.kind === "ConfigMap") && object[field]) {
      for (const key of Object.keys(object[field])) {
        if (object.kind === "Secret" || field === "binaryData") {
          object[field][key] = object[field][key].replace(/[\r\n]/g, "");
        }
      }
    }
  }
}

console.log(`${checked} objects checked, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
