// Validates Kubernetes objects (multi-document YAML on stdin, e.g. `kubectl kustomize k8s/`) against the schemas of
// the kubernetes-models package, offline. Prints one line per object and a summary; exits 1 when any object is
// invalid or of a kind the package does not know. With `--kustomize <dir>` it renders the kustomization itself first
// (resources, namespace, labels and image tags: the features k8s/ uses), for machines without kubectl; `--print`
// prints the rendering instead of validating it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments, stringify } from "yaml";

const input = process.argv[2] === "--kustomize" ? render(process.argv[3]) : await readStdin();

function render(directory) {
  const kustomization = parse(readFileSync(join(directory, "kustomization.yaml"), "utf8"));
  const labels = Object.assign({}, ...(kustomization.labels ?? []).map((entry) => entry.pairs));
  const images = new Map((kustomization.images ?? []).map((image) => [image.name, image]));
  const objects = kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(join(directory, file), "utf8")).map((document) => document.toJS()).filter(Boolean));
  for (const object of objects) {
    object.metadata ??= {};
    object.metadata.labels = { ...object.metadata.labels, ...labels };
    if (kustomization.namespace && object.kind !== "Namespace") object.metadata.namespace = kustomization.namespace;
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      const image = images.get(container.image);
      if (image?.newTag) container.image = `${image.newName ?? image.name}:${image.newTag}`;
    }
  }

  return objects.map((object) => stringify(object)).join("---\n");
}

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
    process.stdin.on("error", reject);
  });
}

if (process.argv.includes("--print")) {
  process.stdout.write(input);
  process.exit(0);
}

let invalid = 0;
let checked = 0;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length > 0) {
    console.log(`INVALID yaml: ${document.errors.map((e) => e.message).join("; ")}`);
    invalid++;
    continue;
  }

  const object = document.toJS();
  if (object === null || object === undefined) continue;
  const { apiVersion, kind } = object;
  const name = `${kind ?? "?"}/${object.metadata?.name ?? "?"}`;
  // "apps/v1" -> kubernetes-models/apps/v1/Deployment; core "v1" -> kubernetes-models/v1/Service.
  const module = `kubernetes-models/${apiVersion}/${kind}`;
  let Model;
  try {
    Model = (await import(module))[kind];
  } catch {
    Model = undefined;
  }

  if (!Model) {
    console.log(`INVALID ${name}: unknown apiVersion/kind ${apiVersion}/${kind}`);
    invalid++;
    continue;
  }

  try {
    new Model(object).validate();
    console.log(`ok ${name}`);
  } catch (error) {
    console.log(`INVALID ${name}: ${error.message}`);
    invalid++;
  }

  checked++;
}

console.log(`validated ${checked} object(s), ${invalid} invalid`);
process.exit(invalid === 0 && checked > 0 ? 0 : 1);
