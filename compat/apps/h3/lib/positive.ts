// A Standard Schema (the interface h3's validators accept) that needs no library: { n } must
// hold a positive integer.
export const positive = {
  "~standard": {
    version: 1,
    vendor: "compat",
    validate(value: any) {
      const n = Number(value?.n);
      return Number.isInteger(n) && n > 0 ? { value: { n } } : { issues: [{ message: "n must be a positive integer", path: ["n"] }] };
    },
  },
};
