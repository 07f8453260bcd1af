import { defineHandler } from "nitro/h3";
import { produce } from "immer";

export default defineHandler(() => {
  const base = { todos: [{ title: "a", done: false }, { title: "b", done: false }], n: 1 };
  const next = produce(base, (draft) => {
    draft.todos[1].done = true;
    draft.todos.push({ title: "c", done: false });
  });
  return { next, sharedFirst: next.todos[0] === base.todos[0], baseUnchanged: base.todos.length, frozen: Object.isFrozen(next) };
});
