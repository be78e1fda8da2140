import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cacheDir, packageRoot, parseVersions, readVersions } from "../../../toolchain/paths";

const complete = [
  "PULUMI=3.220.0",
  "PULUMI_LANGUAGE_NODEJS=3.68.0",
  "PULUMI_KUBERNETES=4.25.0",
  "KUBERNETES=1.36.3",
  "KUBERNETES_PREVIOUS=1.35.4",
  "ETCD=3.6.16",
  "KWOK=0.8.0",
].join("\n");

describe("toolchain versions", function () {
  it("reads every version, ignoring comments and unknown keys", function () {
    const versions = parseVersions(`# comment\n${complete}\nPULUMI_KUBERNETES_MODULE=v4.0.0-x\n`);
    assert.deepEqual(versions, {
      pulumi: "3.220.0",
      pulumiLanguageNodejs: "3.68.0",
      pulumiKubernetes: "4.25.0",
      kubernetes: "1.36.3",
      kubernetesPrevious: "1.35.4",
      etcd: "3.6.16",
      kwok: "0.8.0",
    });
  });

  for (const missing of ["PULUMI", "KUBERNETES", "KWOK"]) {
    it(`names a missing ${missing}`, function () {
      const text = complete
        .split("\n")
        .filter((line) => !line.startsWith(`${missing}=`))
        .join("\n");
      assert.throws(() => parseVersions(text), { message: `tools/versions.env has no ${missing}` });
    });
  }

  it("pins @pulumi/pulumi and @pulumi/kubernetes to the versions the toolchain builds", function () {
    const versions = readVersions();
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    assert.equal(manifest.dependencies["@pulumi/pulumi"], versions.pulumi);
    assert.equal(manifest.dependencies["@pulumi/kubernetes"], versions.pulumiKubernetes);
  });

  it("pins the Go tools modules to the same versions", function () {
    const versions = readVersions();
    const goMod = (tool: string): string =>
      fs.readFileSync(path.join(packageRoot(), "tools", tool, "go.mod"), "utf8");
    assert.match(goMod("pulumi"), new RegExp(`github.com/pulumi/pulumi/pkg/v3 v${versions.pulumi}\\b`));
    assert.match(goMod("kubernetes"), new RegExp(`k8s.io/kubernetes v${versions.kubernetes}\\b`));
    assert.match(
      goMod("kubernetes-previous"),
      new RegExp(`k8s.io/kubernetes v${versions.kubernetesPrevious}\\b`),
    );
    assert.match(goMod("etcd"), new RegExp(`go.etcd.io/etcd/server/v3 v${versions.etcd}\\b`));
    assert.match(goMod("kwok"), new RegExp(`sigs.k8s.io/kwok v${versions.kwok}\\b`));
  });
});

describe("toolchain cache folder", function () {
  it("honours PULUMI_PHOTON_CACHE", function () {
    assert.equal(cacheDir({ PULUMI_PHOTON_CACHE: "/srv/cache" }), "/srv/cache");
  });

  it("defaults to ~/.cache/pulumi-photon", function () {
    assert.equal(cacheDir({}), path.join(os.homedir(), ".cache", "pulumi-photon"));
  });
});
