// The deployment files stay consistent with the code and with each other: every shipped proxy
// config (docker-compose, Kubernetes) loads with the real config loader, the admin port the probes
// and health checks use is the one the config listens on, and the generated ConfigMaps carry
// exactly the files they are generated from (run deploy/kubernetes/generate-configmaps.sh after
// editing those).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "proxy/config/config.h"

namespace switchyard::proxy {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = SWITCHYARD_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << file;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The documents of a multi-document YAML file, by kind and name.
YAML::Node find_doc(const fs::path& file, const std::string& kind, const std::string& name) {
  for (const auto& doc : YAML::LoadAllFromFile(file.string())) {
    if (doc["kind"] && doc["kind"].as<std::string>() == kind &&
        doc["metadata"]["name"].as<std::string>() == name) {
      return doc;
    }
  }
  ADD_FAILURE() << kind << "/" << name << " not in " << file;
  return {};
}

Config load_shipped(const std::string& text, const fs::path& file) {
  try {
    return parse_config(text, file);
  } catch (const ConfigError& e) {
    ADD_FAILURE() << e.what();
    throw;
  }
}

TEST(DeployFiles, DockerComposeConfigsLoad) {
  for (const char* name : {"switchyard.yaml", "switchyard-vllm.yaml", "switchyard-demo.yaml"}) {
    const fs::path file = kRoot / "deploy/docker" / name;
    const Config config = load_shipped(read(file), file);
    ASSERT_TRUE(config.admin_listen.has_value()) << name;
    EXPECT_EQ(config.admin_listen->port, 9090) << name;
    EXPECT_EQ(config.listen.port, 8080) << name;
    EXPECT_EQ(config.policy, "/etc/switchyard/policies/packs/default.yaml") << name;
    EXPECT_GE(config.routes.internal, 0) << name;
  }
}

TEST(DeployFiles, DockerComposeMountsWhatTheConfigNames) {
  const YAML::Node compose = YAML::LoadFile((kRoot / "docker-compose.yml").string());
  const YAML::Node proxy = compose["services"]["switchyard"];
  ASSERT_TRUE(proxy);
  std::set<std::string> targets;
  for (const auto& volume : proxy["volumes"]) {
    targets.insert(volume["target"].as<std::string>());
    if (volume["type"].as<std::string>() == "bind") {
      EXPECT_TRUE(fs::exists(kRoot / volume["source"].as<std::string>()))
          << volume["source"].as<std::string>();
    }
  }
  EXPECT_TRUE(targets.count("/etc/switchyard/policies"));
  EXPECT_TRUE(targets.count("/etc/switchyard/config"));
  EXPECT_TRUE(targets.count("/var/lib/switchyard/audit"));
  // The default policy the configs point at ships in the bind-mounted directory.
  EXPECT_TRUE(fs::exists(kRoot / "policies/packs/default.yaml"));
  // The health check is the image's HEALTHCHECK, on the admin port the configs listen on; compose
  // does not override it (podman-compose 1.0.3 mistranslates a CMD-form override).
  EXPECT_FALSE(proxy["healthcheck"]);
  EXPECT_FALSE(compose["services"]["switchyard-demo"]["healthcheck"]);
  const std::string dockerfile = read(kRoot / "Dockerfile");
  const auto healthcheck = dockerfile.find("\nHEALTHCHECK ");
  ASSERT_NE(healthcheck, std::string::npos);
  EXPECT_NE(dockerfile.find("/dev/tcp/127.0.0.1/9090", healthcheck), std::string::npos);
  EXPECT_EQ(compose["services"]["ollama-pull"]["command"][0].as<std::string>(), "pull");
  EXPECT_EQ(compose["services"]["vllm"]["profiles"][0].as<std::string>(), "gpu");

  // The demo: its own profile, the mock config the image ships, no dependency on a model server,
  // read-only like the Kubernetes pod, its own audit volume.
  const YAML::Node demo = compose["services"]["switchyard-demo"];
  ASSERT_TRUE(demo);
  EXPECT_EQ(demo["profiles"][0].as<std::string>(), "demo");
  EXPECT_FALSE(demo["depends_on"]);
  EXPECT_TRUE(demo["read_only"].as<bool>());
  EXPECT_NE(YAML::Dump(demo["command"]).find("switchyard-demo.yaml"), std::string::npos);
  const Config demo_config = load_shipped(read(kRoot / "deploy/docker/switchyard-demo.yaml"),
                                          kRoot / "deploy/docker/switchyard-demo.yaml");
  for (const auto& upstream : demo_config.upstreams) {
    EXPECT_EQ(upstream.kind, UpstreamKind::kMock) << upstream.name;
  }
  bool own_audit_volume = false;
  for (const auto& volume : demo["volumes"]) {
    if (volume["target"].as<std::string>() == "/var/lib/switchyard/audit") {
      own_audit_volume = volume["source"].as<std::string>() != "audit";
    }
  }
  EXPECT_TRUE(own_audit_volume)
      << "the demo's chain (its own key) must not share the real one's file";
}

// The Debian package's config and unit (deploy/debian/, filled in by cmake/Packaging.cmake): the
// config loads, and the unit gives the proxy more time to stop than the proxy's own drain.
TEST(DeployFiles, DebianPackageConfigLoadsAndTheUnitAgrees) {
  std::string yaml = read(kRoot / "deploy/debian/switchyard.yaml.in");
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"@SWITCHYARD_DATADIR@", "/usr/share/switchyard"},
           {"@SWITCHYARD_SYSCONFDIR@", "/etc/switchyard"}}) {
    for (std::size_t at; (at = yaml.find(from)) != std::string::npos;)
      yaml.replace(at, from.size(), to);
  }
  const Config config = load_shipped(yaml, "/etc/switchyard/switchyard.yaml");
  EXPECT_EQ(config.policy, "/usr/share/switchyard/policies/packs/default.yaml");
  EXPECT_EQ(config.audit.path, "/var/lib/switchyard/audit/audit.jsonl");
  EXPECT_EQ(config.listen.host, "127.0.0.1");  // loopback until the operator says otherwise

  const std::string unit = read(kRoot / "deploy/debian/switchyard.service.in");
  const auto setting = [&unit](const std::string& key) {
    const auto at = unit.find("\n" + key + "=");
    if (at == std::string::npos) return std::string("<absent>");
    const auto start = at + key.size() + 2;
    return unit.substr(start, unit.find('\n', start) - start);
  };
  EXPECT_EQ(setting("ExecReload"), "/bin/kill -HUP $MAINPID");
  EXPECT_EQ(setting("KillSignal"), "SIGTERM");
  EXPECT_EQ(setting("StateDirectory"), "switchyard switchyard/audit");
  EXPECT_EQ(setting("ProtectSystem"), "strict");
  EXPECT_EQ(setting("NoNewPrivileges"), "yes");
  EXPECT_EQ(setting("User"), "switchyard");
  EXPECT_GT(std::stol(setting("TimeoutStopSec")) * 1000,
            static_cast<long>(config.limits.shutdown_grace.count()));
}

TEST(DeployFiles, KubernetesConfigLoadsAndProbesUseItsAdminPort) {
  const fs::path config_file = kRoot / "deploy/kubernetes/configmap-config.yaml";
  const YAML::Node config_map = find_doc(config_file, "ConfigMap", "switchyard-config");
  const Config config =
      load_shipped(config_map["data"]["switchyard.yaml"].as<std::string>(), config_file);
  ASSERT_TRUE(config.admin_listen.has_value());

  const YAML::Node deployment =
      find_doc(kRoot / "deploy/kubernetes/deployment.yaml", "Deployment", "switchyard");
  const YAML::Node pod = deployment["spec"]["template"]["spec"];
  YAML::Node proxy;
  for (const auto& container : pod["containers"]) {
    if (container["name"].as<std::string>() == "switchyard") proxy.reset(container);
  }
  ASSERT_TRUE(proxy);
  int admin_port = 0;
  for (const auto& port : proxy["ports"]) {
    if (port["name"].as<std::string>() == "admin") admin_port = port["containerPort"].as<int>();
  }
  EXPECT_EQ(admin_port, config.admin_listen->port);
  EXPECT_EQ(proxy["livenessProbe"]["httpGet"]["path"].as<std::string>(), "/healthz");
  EXPECT_EQ(proxy["readinessProbe"]["httpGet"]["path"].as<std::string>(), "/readyz");
  EXPECT_EQ(proxy["readinessProbe"]["httpGet"]["port"].as<std::string>(), "admin");
  // The grace period must cover the proxy's own drain time.
  EXPECT_GT(pod["terminationGracePeriodSeconds"].as<long>() * 1000,
            static_cast<long>(config.limits.shutdown_grace.count()));
  // Policies mounted as a directory (a subPath mount never sees ConfigMap updates).
  for (const auto& mount : proxy["volumeMounts"]) {
    EXPECT_FALSE(mount["subPath"]) << mount["name"].as<std::string>();
  }
  EXPECT_EQ(config.policy.parent_path(), "/etc/switchyard/policies");
}

TEST(DeployFiles, PolicyConfigMapMatchesThePacks) {
  const YAML::Node config_map = find_doc(kRoot / "deploy/kubernetes/configmap-policies.yaml",
                                         "ConfigMap", "switchyard-policies");
  std::set<std::string> packs;
  for (const auto& entry : fs::directory_iterator(kRoot / "policies/packs")) {
    if (entry.path().extension() == ".yaml") packs.insert(entry.path().filename().string());
  }
  std::set<std::string> keys;
  for (const auto& item : config_map["data"]) keys.insert(item.first.as<std::string>());
  EXPECT_EQ(keys, packs) << "run deploy/kubernetes/generate-configmaps.sh";
  for (const auto& name : packs) {
    if (!config_map["data"][name]) continue;
    EXPECT_EQ(config_map["data"][name].as<std::string>(), read(kRoot / "policies/packs" / name))
        << name << " drifted: run deploy/kubernetes/generate-configmaps.sh";
  }
}

TEST(DeployFiles, VectorConfigMapMatchesTheVectorConfig) {
  const YAML::Node config_map =
      find_doc(kRoot / "deploy/kubernetes/configmap-vector.yaml", "ConfigMap", "switchyard-vector");
  EXPECT_EQ(config_map["data"]["vector.yaml"].as<std::string>(),
            read(kRoot / "deploy/vector/vector.yaml"))
      << "run deploy/kubernetes/generate-configmaps.sh";
  const YAML::Node vector = YAML::LoadFile((kRoot / "deploy/vector/vector.yaml").string());
  // Audit lines must be shipped byte for byte: the chain's MACs cover the exact text.
  for (const auto& sink : vector["sinks"]) {
    EXPECT_EQ(sink.second["encoding"]["codec"].as<std::string>(), "text")
        << sink.first.as<std::string>();
  }
  EXPECT_EQ(vector["sources"]["audit_files"]["include"][0].as<std::string>(),
            "/var/lib/switchyard/audit/*.jsonl");
}

}  // namespace
}  // namespace switchyard::proxy
