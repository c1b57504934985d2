#!/usr/bin/env node
// Validates Kubernetes objects in YAML files against the Kubernetes schemas, offline.
//
//   node tools/kube-schemas/validate.mjs [--crds DIR] [--expect-invalid] FILE...
//
// Each object is checked twice, because neither package does both:
//  - kubernetes-models' generated validators: types, required fields, formats (they ignore unknown fields);
//  - @kubernetes/client-node's model type maps: every field Kubernetes 1.36 knows, so an unknown or misspelled field
//    fails, with the types of nested values.
// Custom resources: paas.dev kinds against the CRDs in --crds (their openAPIV3Schema, where fields the schema does not
// list are unknown, as the API server prunes them); cert-manager and prometheus-operator kinds by their models.
// With --expect-invalid every object must FAIL (the negative cases that prove the checks can fail).
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = resolve(process.env.KUBE_SCHEMAS_MODULES ?? join(here, "../../.tools/kube-schemas/node_modules"));
const require = createRequire(join(modules, "noop.js"));
const yaml = require("js-yaml");
const Ajv = require("ajv");

const args = process.argv.slice(2);
const expectInvalid = take("--expect-invalid");
const crdDir = value("--crds");
const files = args;
if (files.length === 0) {
  console.error("usage: validate.mjs [--crds DIR] [--expect-invalid] FILE...");
  process.exit(2);
}

const typeMaps = loadTypeMaps();
const crdSchemas = crdDir ? loadCrdSchemas(crdDir) : new Map();
let objects = 0;
const failures = [];
for (const file of files) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (doc == null) continue;
    objects++;
    const where = `${file}: ${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}`;
    const errors = await validate(doc);
    if (expectInvalid && errors.length === 0) failures.push(`${where}: expected to be rejected, but it is valid`);
    if (expectInvalid && errors.length > 0) console.log(`rejected as expected: ${where}: ${errors[0]}`);
    if (!expectInvalid) for (const error of errors) failures.push(`${where}: ${error}`);
  }
}
if (objects === 0) failures.push(`no Kubernetes object in ${files.join(", ")}`);
for (const failure of failures) console.error(failure);
console.log(`${objects} objects checked, ${failures.length} ${expectInvalid ? "accepted that should fail" : "invalid"}`);
process.exit(failures.length === 0 ? 0 : 1);

async function validate(doc) {
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") return ["apiVersion and kind are required"];
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  if (group === "paas.dev") return validateCustom(doc, group, version);
  const errors = [];
  const model = await loadModel(group, version, doc.kind);
  if (!model) return [`no schema for ${doc.apiVersion} ${doc.kind}: add its models to tools/kube-schemas`];
  try {
    new model(doc).validate();
  } catch (e) {
    errors.push(...String(e.message).split("\n").filter(Boolean));
  }
  const typeName = builtInTypeName(group, version, doc.kind);
  if (typeName) walk(doc, typeName, "", errors);
  else if (doc.metadata) walk(doc.metadata, "V1ObjectMeta", ".metadata", errors);
  return errors;
}

// --- built-in kinds -----------------------------------------------------------------------------------------------

async function loadModel(group, version, kind) {
  const candidates = [
    join(modules, "kubernetes-models", group || "", version, `${kind}.js`),
    join(modules, "@kubernetes-models/cert-manager", group, version, `${kind}.js`),
    join(modules, "@kubernetes-models/prometheus-operator", group, version, `${kind}.js`),
  ];
  for (const path of candidates) {
    try {
      return (await import(pathToFileURL(path)))[kind];
    } catch (e) {
      if (e.code !== "ERR_MODULE_NOT_FOUND") throw e;
    }
  }
  return undefined;
}

function loadTypeMaps() {
  const dir = join(modules, "@kubernetes/client-node/dist/gen/models");
  const maps = new Map();
  const pattern = /^(\w+)\.attributeTypeMap = (\[[\s\S]*?\n\]);/m;
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const match = pattern.exec(readFileSync(join(dir, name), "utf8"));
    if (match) maps.set(match[1], JSON.parse(match[2]));
  }
  if (maps.size < 500) throw new Error(`only ${maps.size} Kubernetes model types found under ${dir}; run scripts/install-tools.sh`);
  return maps;
}

function builtInTypeName(group, version, kind) {
  const v = version[0].toUpperCase() + version.slice(1);
  const prefix = group.split(".")[0].replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  for (const name of [`${v}${kind}`, `${prefix}${v}${kind}`, `Core${v}${kind}`]) if (typeMaps.has(name)) return name;
  return undefined;
}

function walk(value, type, path, errors) {
  if (value === null || value === undefined) return;
  const list = /^Array<(.+)>$/.exec(type);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (list) {
    if (!Array.isArray(value)) return errors.push(`${path}: expected a list, got ${describe(value)}`);
    value.forEach((item, i) => walk(item, list[1], `${path}[${i}]`, errors));
  } else if (map) {
    if (!isObject(value)) return errors.push(`${path}: expected a map, got ${describe(value)}`);
    for (const [key, item] of Object.entries(value)) walk(item, map[1], `${path}.${key}`, errors);
  } else if (type === "string" || type === "Date") {
    if (typeof value !== "string") errors.push(`${path}: expected a string, got ${describe(value)}`);
  } else if (type === "number") {
    if (typeof value !== "number") errors.push(`${path}: expected a number, got ${describe(value)}`);
  } else if (type === "boolean") {
    if (typeof value !== "boolean") errors.push(`${path}: expected true or false, got ${describe(value)}`);
  } else if (type === "IntOrString") {
    if (typeof value !== "string" && !Number.isInteger(value)) errors.push(`${path}: expected an integer or a string, got ${describe(value)}`);
  } else if (typeMaps.has(type)) {
    if (!isObject(value)) return errors.push(`${path}: expected an object (${type}), got ${describe(value)}`);
    const fields = new Map(typeMaps.get(type).map((a) => [a.baseName, a.type]));
    for (const [key, item] of Object.entries(value)) {
      if (!fields.has(key)) errors.push(`${path}.${key}: unknown field "${key}" in ${type} (known: ${[...fields.keys()].join(", ")})`);
      else walk(item, fields.get(key), `${path}.${key}`, errors);
    }
  }
  // "any" and "object" (raw JSON such as CRD defaults) take anything.
}

// --- paas.dev custom resources --------------------------------------------------------------------------------------

function loadCrdSchemas(dir) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("int64", { type: "number", validate: (n) => Number.isInteger(n) });
  ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const schemas = new Map();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    for (const crd of yaml.loadAll(readFileSync(join(dir, name), "utf8"))) {
      if (crd?.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions) {
        const schema = structural(structuredClone(version.schema.openAPIV3Schema));
        // ObjectMeta is checked by the built-in ObjectMeta model below, as the API server does for every kind.
        if (schema.properties) schema.properties.metadata = { type: "object" };
        schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  return schemas;
}

// Fields a structural schema does not list are pruned by the API server: for a validator they are unknown.
function structural(schema) {
  if (!isObject(schema)) return schema;
  if (schema.properties && schema.additionalProperties === undefined && !schema["x-kubernetes-preserve-unknown-fields"]) {
    schema.additionalProperties = false;
  }
  if (schema["x-kubernetes-int-or-string"]) schema.type = ["integer", "string"];
  if (schema.nullable && typeof schema.type === "string") schema.type = [schema.type, "null"];
  for (const key of ["properties", "patternProperties"]) {
    for (const child of Object.values(schema[key] ?? {})) structural(child);
  }
  for (const key of ["items", "additionalProperties", "not"]) if (isObject(schema[key])) structural(schema[key]);
  for (const key of ["allOf", "anyOf", "oneOf"]) (schema[key] ?? []).forEach(structural);
  return schema;
}

function validateCustom(doc, group, version) {
  const check = crdSchemas.get(`${group}/${version}/${doc.kind}`);
  if (!check) return [`no CRD for ${doc.apiVersion} ${doc.kind}${crdDir ? ` in ${crdDir}` : ": pass --crds"}`];
  const errors = [];
  if (!check(doc)) {
    for (const e of check.errors) {
      const extra = e.params?.additionalProperty ? ` "${e.params.additionalProperty}"` : "";
      errors.push(`${e.instancePath.replaceAll("/", ".") || "."}: ${e.message}${extra}`);
    }
  }
  walk(doc.metadata, "V1ObjectMeta", ".metadata", errors);
  return errors;
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function describe(value) {
  return Array.isArray(value) ? "a list" : `${typeof value} ${JSON.stringify(value)}`;
}

function take(flag) {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function value(flag) {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const [, v] = args.splice(i, 2);
  return v;
}
