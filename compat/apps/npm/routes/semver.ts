import { defineHandler } from "nitro/h3";
import semver from "semver";

export default defineHandler(() => ({
  satisfies: semver.satisfies("1.2.3", "^1.0.0"),
  notSatisfies: semver.satisfies("2.0.0", "~1.2"),
  inc: semver.inc("1.2.3", "minor"),
  pre: semver.inc("1.2.3", "prerelease", "beta"),
  sorted: semver.sort(["1.10.0", "1.2.0", "1.2.0-rc.1"]),
  max: semver.maxSatisfying(["1.2.3", "1.4.0", "2.0.0"], "<2"),
  coerce: semver.coerce("v3.4")?.version,
}));
