import { defineHandler } from "nitro/h3";
import { buildSchema, graphql } from "graphql";

const schema = buildSchema(`
  type Book { title: String!, year: Int }
  type Query { hello(name: String): String!, books: [Book!]! }
`);
const rootValue = {
  hello: ({ name }: { name?: string }) => `Hello ${name ?? "world"}`,
  books: () => [{ title: "Dune", year: 1965 }, { title: "Emma", year: 1815 }],
};

export default defineHandler(async () => ({
  ok: await graphql({ schema, rootValue, source: `{ hello(name: "Ada") books { title year } }` }),
  bad: await graphql({ schema, rootValue, source: `{ nope }` }),
}));
