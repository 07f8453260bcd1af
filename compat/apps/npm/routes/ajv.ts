import { defineHandler } from "nitro/h3";
import Ajv from "ajv";

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({
  type: "object",
  properties: { name: { type: "string", minLength: 2 }, age: { type: "integer", minimum: 0 } },
  required: ["name", "age"],
  additionalProperties: false,
});

export default defineHandler(() => {
  const good = validate({ name: "Ada", age: 36 });
  const bad = validate({ name: "A", age: -1, extra: true });
  return { good, bad, errors: validate.errors?.map((e) => `${e.instancePath} ${e.keyword} ${e.message}`) };
});
