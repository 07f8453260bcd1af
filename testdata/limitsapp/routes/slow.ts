import { defineHandler } from "nitro";

// Answers after longer than the test server's read timeout, under its handler timeout.
export default defineHandler(() => new Promise((resolve) => setTimeout(() => resolve("done"), 1500)));
