// Prints the YAML files named on the command line as one JSON array of their documents, in order (a multi-document
// file gives several), with YAML 1.1 merge keys (`<<: *anchor`) resolved as Docker Compose resolves them.
// tests/Cluster.Tests/ComposeTests.cs reads docker-compose.yml, deploy/compose/ and k8s/ through it; exits 1 on a
// syntax error, naming the file.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const documents = [];
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"), { merge: true })) {
    if (document.errors.length > 0) {
      console.error(`INVALID ${file}: ${document.errors.map((error) => error.message).join("; ")}`);
      process.exit(1);
    }

    const value = document.toJS({ maxAliasCount: -1 });
    if (value !== null && value !== undefined) documents.push(value);
  }
}

process.stdout.write(JSON.stringify(documents));
