import { defineHandler } from "nitro/h3";
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";

// Kysely as a query builder only: a dummy driver compiles SQL without a database.
const db = new Kysely<any>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export default defineHandler(() => {
  const q = db.selectFrom("person").select(["id", "name"]).where("age", ">", 18).orderBy("name").limit(10).compile();
  const ins = db.insertInto("person").values({ name: "Ada", age: 36 }).returning("id").compile();
  return { select: [q.sql, q.parameters], insert: [ins.sql, ins.parameters] };
});
