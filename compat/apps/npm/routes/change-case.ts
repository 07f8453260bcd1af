import { defineHandler } from "nitro/h3";
import { camelCase, kebabCase, pascalCase, snakeCase, constantCase } from "change-case";

export default defineHandler(() => {
  const s = "hello world-foo_bar";
  return { camel: camelCase(s), kebab: kebabCase(s), pascal: pascalCase(s), snake: snakeCase(s), constant: constantCase(s) };
});
