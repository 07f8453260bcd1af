import { defineHandler } from "nitro/h3";
import { createStorage, prefixStorage } from "unstorage";

export default defineHandler(async () => {
  const storage = createStorage();
  await storage.setItem("users:ada", { name: "Ada", age: 36 });
  await storage.setItem("users:bob", "text");
  await storage.setItem("posts:1", 1);
  const users = prefixStorage(storage, "users");
  await users.removeItem("bob");
  return {
    ada: await storage.getItem("users:ada"),
    keys: (await storage.getKeys()).sort(),
    prefixed: await users.getKeys(),
    has: await storage.hasItem("users:bob"),
  };
});
