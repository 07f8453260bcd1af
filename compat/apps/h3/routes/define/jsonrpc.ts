import { defineJsonRpcHandler, defineHandler } from "h3";
export default defineHandler((event) => defineJsonRpcHandler({
  methods: {
    echo: ({ params }) => ({ echoed: params }),
    fail: () => { throw new Error("nope"); },
  },
})(event));
