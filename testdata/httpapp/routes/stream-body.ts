import { defineHandler } from "nitro";

// A Response whose body is a ReadableStream: chunks go out as they are enqueued.
export default defineHandler(() => {
  let step = 0;
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("first;"));
      const timer = setInterval(() => {
        step++;
        controller.enqueue(`chunk ${step};`);
        if (step === 3) {
          clearInterval(timer);
          controller.close();
        }
      }, 30);
    },
  });
  return new Response(body, { headers: { "content-type": "text/plain" } });
});
