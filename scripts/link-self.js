// Examples and the dynamic provider's thin stubs require("pulumi-photon") as users do; inside this
// repository that name has to resolve to the repository itself.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-photon");
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.readlinkSync(link) === "..") process.exit(0);
  fs.unlinkSync(link);
} catch {
  // no link yet
}
fs.symlinkSync("..", link, "dir");
