#!/usr/bin/env bash
# Proves the container image, docker-compose.yml and the Debian package on this machine, with
# Debian's podman (no Docker engine, no image registry). Run by .ci/run; docs/deployment.md says
# what each step checks and how long it takes.
#
#   scripts/image-test.sh [STEP...]     default: every step, in this order
#     base      make docker.io/library/debian:12 and :12-slim with debootstrap (only if missing)
#     build     podman build of the Dockerfile; size and contents of the runtime image
#     image     the image read-only (as in Kubernetes) against mock upstreams: tests/image/smoke.sh,
#               uid 10001, the image's own HEALTHCHECK, SIGHUP reload, SIGTERM -> exit 0, a sealed
#               audit chain that `switchyard audit verify` accepts
#     compose   `docker-compose config`, podman-compose's parse, the `demo` profile up with
#               podman-compose, both routes through it, down, its audit chain verified
#     package   `make package`'s DEB installed in a debian:12 container running systemd; the unit
#               started, the same smoke test, reload, stop, audit verified; systemd-analyze verify
#
# Caches (kept between runs, under $SWITCHYARD_IMAGE_CACHE, default /var/cache/switchyard-image-test):
# the base images and every unchanged layer in podman's store (the apt layers), and ccache for the
# compile in the build stage (mounted with `podman build -v`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

cache=${SWITCHYARD_IMAGE_CACHE:-/var/cache/switchyard-image-test}
image=localhost/switchyard:local       # the tag docker-compose.yml names
max_image_mb=${SWITCHYARD_IMAGE_MAX_MB:-200}
steps=("$@")
((${#steps[@]})) || steps=(base build image compose package)

# Podman as this machine allows it (measured in issue 20): runc, not crun (crun refuses the cgroup
# setup here); no default ulimits (setrlimit is not permitted); cgroupfs and a file event log, as
# there is no systemd on the host.
mkdir -p "$cache/ccache"
cat >"$cache/containers.conf" <<'EOF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_CONF=$cache/containers.conf
pm() { podman --runtime runc "$@"; }

run_id=sy-it-$$
work=$(mktemp -d /tmp/switchyard-image-test.XXXXXX)
netns=""
mock_pid=""
containers=()
volumes=()
timings=()

cleanup() {
  local status=$?
  set +e
  if [[ -n $compose_project ]]; then compose_down; fi
  for c in "${containers[@]}"; do pm rm -f -t 0 "$c" >/dev/null 2>&1; done
  if [[ -n $mock_pid ]]; then kill "$mock_pid" 2>/dev/null; fi
  for v in "${volumes[@]}"; do pm volume rm -f "$v" >/dev/null 2>&1; done
  if [[ -n $netns ]]; then ip netns delete "$netns" 2>/dev/null; fi
  if ((status != 0)); then
    echo "image-test: FAILED (logs in $work)" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT

log() { echo "image-test: $*"; }
fail() {
  echo "image-test: FAIL: $*" >&2
  exit 1
}
timed() {
  local name=$1 started
  shift
  started=$(date +%s)
  "$@"
  timings+=("$name $(($(date +%s) - started)) s")
  log "$name done in $(($(date +%s) - started)) s"
}

# The tools: podman, runc, debootstrap, podman-compose, docker-compose, curl, iproute2, python3.
ensure_tools() {
  local packages=(podman runc debootstrap podman-compose docker-compose curl iproute2 python3 systemd)
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# ---------------------------------------------------------------------------------------------
# base: Debian 12 images made locally, as close to the official ones as debootstrap gets: minbase,
# the archive apt is configured with (main, updates, security), the official images' apt and dpkg
# settings (no recommends, unsafe-io, no cached .debs), and for :12-slim their path excludes.
step_base() {
  if pm image exists docker.io/library/debian:12 && pm image exists docker.io/library/debian:12-slim; then
    log "base images present"
    return
  fi
  local mirror security rootfs=$work/rootfs
  mirror=$(apt-cache policy | awk '$3 ~ /^bookworm\/main/ {print $2; exit}')
  security=$(apt-cache policy | awk '$3 ~ /^bookworm-security\/main/ {print $2; exit}')
  [[ -n $mirror ]] || fail "no bookworm mirror in apt's configuration"
  log "debootstrap bookworm from $mirror"
  mkdir -p "$rootfs/etc/dpkg/dpkg.cfg.d"
  # Before debootstrap's own dpkg runs: it unpacks without an fsync per file, as the official
  # images' dpkg does (several minutes less on a busy disk).
  echo force-unsafe-io >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap: $(tail -n 5 "$work/debootstrap.log")"
  {
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [[ -n $security ]] && echo "deb $security bookworm-security main"
  } >"$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
  echo 'APT::Install-Recommends "false";' >"$rootfs/etc/apt/apt.conf.d/docker-no-recommends"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" -c . | pm import --message "debootstrap --variant=minbase bookworm" - \
    docker.io/library/debian:12 >/dev/null
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$rootfs"/usr/share/{man,groff,info,lintian,linda,locale}/*
  tar -C "$rootfs" -c . | pm import --message "debootstrap --variant=minbase bookworm, slim" - \
    docker.io/library/debian:12-slim >/dev/null
  rm -rf "$rootfs"
  log "made docker.io/library/debian:12 and :12-slim"
}

# ---------------------------------------------------------------------------------------------
# build: the Dockerfile as a user builds it, plus this machine's flags. --format docker keeps the
# HEALTHCHECK (OCI image configs have none).
step_build() {
  pm build --format docker --network=host --pull=never --layers \
    -v "$cache/ccache:/var/cache/ccache" --build-arg JOBS="$(nproc)" \
    -t "$image" -f Dockerfile . >"$work/build.log" 2>&1 || fail "podman build: $(tail -n 30 "$work/build.log")"
  local bytes mb
  bytes=$(pm image inspect --format '{{.Size}}' "$image")
  mb=$((bytes / 1024 / 1024))
  log "runtime image $image: $mb MiB (limit $max_image_mb MiB)"
  ((mb <= max_image_mb)) || fail "runtime image is $mb MiB, over the $max_image_mb MiB limit"
  # Slim: nothing of the build stage in the runtime image.
  pm run --rm --network=none --no-healthcheck --entrypoint /bin/bash "$image" -c '
    for p in /usr/bin/g++ /usr/bin/cmake /usr/include/boost /usr/bin/apt-get.dpkg-new; do
      [ -e "$p" ] && { echo "found $p"; exit 1; }; done
    [ -z "$(ls /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ] || { echo "apt lists left"; exit 1; }
    ! ls /var/cache/apt/archives/*.deb >/dev/null 2>&1 || { echo "cached .debs left"; exit 1; }' ||
    fail "runtime image carries build-stage files"
  image_mb=$mb
}

# ---------------------------------------------------------------------------------------------
# A private network namespace with loopback only: the mock upstreams, the proxy under test and the
# client share it, so the image keeps its own ports (8080, 9090: the HEALTHCHECK's) and nothing
# collides with other work on this machine.
start_netns_and_mocks() {
  netns=$run_id
  ip netns add "$netns"
  ip netns exec "$netns" ip link set lo up
  : >"$work/mock.jsonl"
  ip netns exec "$netns" python3 tests/image/mock_upstreams.py "$work/mock.jsonl" \
    local=openai:18001 openai=openai:18002 anthropic=anthropic:18003 >"$work/mock.out" 2>&1 &
  mock_pid=$!
  for _ in $(seq 1 100); do
    grep -q ready "$work/mock.out" 2>/dev/null && return
    sleep 0.1
  done
  fail "mock upstreams did not start: $(cat "$work/mock.out")"
}
in_ns() { ip netns exec "$netns" "$@"; }
reset_mock_log() { : >"$work/mock.jsonl"; }

wait_for_admin() {
  local url=$1
  for _ in $(seq 1 150); do
    in_ns curl -sf -o /dev/null --max-time 2 "$url/healthz" && return
    sleep 0.2
  done
  return 1
}

# The upstreams of the shipped configs, pointed at the mocks by the variables those configs read.
mock_env=(
  -e SWITCHYARD_INTERNAL_URL=http://127.0.0.1:18001/v1
  -e SWITCHYARD_OPENAI_URL=http://127.0.0.1:18002/v1
  -e SWITCHYARD_ANTHROPIC_URL=http://127.0.0.1:18003
)
audit_key=image-test-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
# The default policy pseudonymizes: the proxy does not start without a pseudonym key.
pseudonym_key=image-test-pseudonym-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')

# ---------------------------------------------------------------------------------------------
# image: the image's own entrypoint and default config (deploy/docker/switchyard.yaml), run the way
# deploy/kubernetes/deployment.yaml runs it: read-only root without even a /tmp, every capability
# dropped, no privilege escalation, the audit directory the only writable mount.
step_image() {
  [[ -n $netns ]] || start_netns_and_mocks
  reset_mock_log
  local name=$run_id-image vol=$run_id-audit
  volumes+=("$vol")
  pm volume create "$vol" >/dev/null
  containers+=("$name")
  pm run -d --name "$name" --network "ns:/run/netns/$netns" \
    --read-only --read-only-tmpfs=false --cap-drop=ALL --security-opt=no-new-privileges \
    -v "$vol:/var/lib/switchyard/audit" \
    -e SWITCHYARD_AUDIT_KEY="$audit_key" -e SWITCHYARD_PSEUDONYM_KEY="$pseudonym_key" "${mock_env[@]}" \
    "$image" >/dev/null
  wait_for_admin http://127.0.0.1:9090 || fail "image: admin listener did not come up: $(pm logs "$name" 2>&1 | tail -n 20)"

  in_ns bash tests/image/smoke.sh http://127.0.0.1:8080 http://127.0.0.1:9090 "$work/mock.jsonl" ||
    fail "image: smoke test (container log: $(pm logs "$name" 2>&1 | tail -n 20))"

  # The process itself runs as 10001:10001, not only the image's USER line.
  local pid uid gid
  pid=$(pm inspect --format '{{.State.Pid}}' "$name")
  uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
  gid=$(awk '/^Gid:/ {print $2}' "/proc/$pid/status")
  [[ $uid == 10001 && $gid == 10001 ]] || fail "image: process runs as uid $uid gid $gid"
  log "image: the proxy runs as uid $uid gid $gid"

  # The image's own HEALTHCHECK, run by podman; and the same command fails where nothing listens,
  # so a pass means something.
  pm healthcheck run "$name" >"$work/health.out" 2>&1 || fail "image: HEALTHCHECK failed: $(cat "$work/health.out")"
  local hc
  hc=$(pm image inspect --format '{{json .Config.Healthcheck.Test}}' "$image")
  [[ $hc == *'/dev/tcp/127.0.0.1/9090'* ]] || fail "image: unexpected HEALTHCHECK $hc"
  if pm run --rm --network=none --no-healthcheck --entrypoint /bin/bash "$image" -c "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[-1])' "$hc")" 2>/dev/null; then
    fail "image: the HEALTHCHECK passes with nothing listening"
  fi
  log "image: HEALTHCHECK healthy (and unhealthy with nothing listening)"

  # SIGHUP reloads the policy (an audit record says so); then SIGTERM: drain, seal, exit 0.
  pm kill --signal HUP "$name" >/dev/null
  for _ in $(seq 1 50); do
    pm logs "$name" 2>&1 | grep -q 'policy reloaded' && break
    sleep 0.2
  done
  pm logs "$name" 2>&1 | grep -q 'policy reloaded' || fail "image: SIGHUP did not reload the policy"
  pm kill --signal TERM "$name" >/dev/null
  local code
  code=$(timeout 60 podman --runtime runc wait "$name") || fail "image: did not stop within 60 s of SIGTERM"
  [[ $code == 0 ]] || fail "image: exit code $code after SIGTERM: $(pm logs "$name" 2>&1 | tail -n 20)"
  log "image: SIGHUP reloaded; SIGTERM -> exit 0"
  verify_audit_volume "$vol" image
}

# The chain on VOLUME ends with a seal record and `switchyard audit verify` (the image's own binary,
# under the run's key) accepts it.
verify_audit_volume() {
  local vol=$1 what=$2
  pm run --rm --network=none --no-healthcheck --read-only --entrypoint /bin/bash -e SWITCHYARD_AUDIT_KEY="$audit_key" \
    -v "$vol:/var/lib/switchyard/audit:ro" "$image" -c '
      set -e; cd /var/lib/switchyard/audit
      tail -n 1 audit.jsonl | grep -q "\"event\":\"seal\"" || { echo "last record is not a seal:"; tail -n 1 audit.jsonl; exit 1; }
      switchyard audit verify *.jsonl' >"$work/verify-$what.out" 2>&1 ||
    fail "$what: audit verify: $(cat "$work/verify-$what.out")"
  log "$what: audit chain ends with a seal; audit verify: $(grep -m1 '^OK' "$work/verify-$what.out")"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# curl to a file (headers to FILE.h); prints the status code.
fetch() {
  local out=$1
  shift
  curl -sS -o "$out" -D "$out.h" -w '%{http_code}' --max-time 20 "$@" || true
}
route_of() { tr -d '\r' <"$1.h" | awk 'tolower($1) == "x-switchyard-route:" {print $2}'; }

# ---------------------------------------------------------------------------------------------
# compose: the file as docker-compose reads it (every profile, with .env.example), as Debian's
# podman-compose 1.0.3 reads it (it has no `config` command: its dry run parses the file, resolves
# the variables and prints each podman command), then the `demo` profile for real: up, both routes
# through the published ports, the health check, stop (SIGTERM -> exit 0), its audit chain
# verified, down.
compose_project=""
compose_env=()
compose_down() {
  "${compose_env[@]}" podman-compose -p "$compose_project" down -v >/dev/null 2>&1
  pm volume rm -f "${compose_project}_audit-demo" >/dev/null 2>&1
  pm network rm -f "${compose_project}_edge" >/dev/null 2>&1
  compose_project=""
}
compose_fail() {
  pm logs "${compose_project}_switchyard-demo_1" >"$work/compose-container.log" 2>&1
  compose_down
  fail "compose: $* (container log: $(tail -n 10 "$work/compose-container.log"))"
}

step_compose() {
  docker-compose config -q || fail "docker-compose config"
  docker-compose --env-file .env.example --profile gpu --profile demo config -q ||
    fail "docker-compose config (all profiles, .env.example)"
  local port admin_port
  port=$(free_port)
  admin_port=$(free_port)
  compose_project=$run_id-compose
  compose_env=(env SWITCHYARD_PORT="$port" SWITCHYARD_ADMIN_PORT="$admin_port" SWITCHYARD_AUDIT_KEY="$audit_key"
               SWITCHYARD_PSEUDONYM_KEY="$pseudonym_key")
  # podman-compose 1.0.3's dry run still creates the project's network and volume; it runs under
  # this project's name, so compose_down removes them.
  "${compose_env[@]}" podman-compose --dry-run -p "$compose_project" up -d switchyard-demo \
    >"$work/compose-dry.txt" 2>&1 || compose_fail "podman-compose could not read docker-compose.yml: $(tail -n 20 "$work/compose-dry.txt")"
  grep -q -- "--read-only" "$work/compose-dry.txt" && grep -q "switchyard-demo.yaml" "$work/compose-dry.txt" ||
    compose_fail "podman-compose dry run: $(cat "$work/compose-dry.txt")"
  log "compose: docker-compose config and podman-compose's parse pass"

  "${compose_env[@]}" podman-compose -p "$compose_project" up -d switchyard-demo >"$work/compose-up.txt" 2>&1 ||
    compose_fail "podman-compose up: $(tail -n 20 "$work/compose-up.txt")"
  local container=${compose_project}_switchyard-demo_1
  for _ in $(seq 1 150); do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$admin_port/healthz" && break
    sleep 0.2
  done
  local s1 s2
  s1=$(fetch "$work/c1" "http://127.0.0.1:$port/v1/chat/completions" -H 'content-type: application/json' \
    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Write a haiku about trains."}]}')
  [[ $s1 == 200 && $(route_of "$work/c1") == vendor ]] ||
    compose_fail "vendor route: $s1 $(cat "$work/c1" 2>/dev/null)"
  s2=$(fetch "$work/c2" "http://127.0.0.1:$port/v1/messages" -H 'content-type: application/json' \
    -H 'anthropic-version: 2023-06-01' \
    -d '{"model":"claude-3-5-haiku-latest","max_tokens":64,"messages":[{"role":"user","content":"CONFIDENTIAL: customer 4539 1488 0343 6467 disputes the charge"}]}')
  [[ $s2 == 200 && $(route_of "$work/c2") == internal ]] ||
    compose_fail "internal route: $s2 $(cat "$work/c2" 2>/dev/null)"
  pm healthcheck run "$container" >/dev/null 2>&1 || compose_fail "the container's health check fails"
  "${compose_env[@]}" podman-compose -p "$compose_project" stop >/dev/null 2>&1
  local code
  code=$(pm inspect --format '{{.State.ExitCode}}' "$container" 2>/dev/null || echo missing)
  [[ $code == 0 ]] || compose_fail "exit code $code after stop"
  log "compose: demo up with podman-compose; vendor and internal routes 200 through :$port; healthy; stop -> exit 0"
  verify_audit_volume "${compose_project}_audit-demo" compose
  compose_down
}

# ---------------------------------------------------------------------------------------------
# package: `make package`'s DEB installed with apt in debian:12 running systemd (the unit's
# sandboxing enforced for real), started with the shipped config and its environment file, the
# smoke test, `systemctl reload` (SIGHUP), `systemctl stop` (SIGTERM -> exit 0), audit verified.
step_package() {
  make -s package >"$work/package.log" 2>&1 || fail "make package: $(tail -n 20 "$work/package.log")"
  local deb
  deb=$(ls -t build/release/package/switchyard_*.deb | head -n 1)
  [[ -f $deb ]] || fail "no .deb in build/release/package"
  package_kb=$(($(stat -c %s "$deb") / 1024))
  log "package: $deb ($package_kb KiB); Depends: $(dpkg-deb -f "$deb" Depends)"
  dpkg-deb -c "$deb" >"$work/package-files.txt"
  for f in ./usr/bin/switchyard ./usr/share/switchyard/policies/packs/default.yaml \
    ./etc/switchyard/switchyard.yaml ./etc/default/switchyard ./lib/systemd/system/switchyard.service; do
    grep -q " $f\$" "$work/package-files.txt" || fail "package: $f missing"
  done

  # The runtime dependencies in a cached layer; the package itself is installed fresh every run.
  local depends
  depends=$(dpkg-deb -f "$deb" Depends | sed -e 's/([^)]*)//g' -e 's/,/ /g')
  {
    echo "FROM docker.io/library/debian:12"
    echo "RUN apt-get update && apt-get install -y --no-install-recommends systemd systemd-sysv $depends \\"
    echo " && rm -f /etc/systemd/system/*.wants/* /lib/systemd/system/multi-user.target.wants/*"
  } >"$work/Containerfile.package"
  pm build --network=host --pull=never --layers -t localhost/switchyard-package-test:deps \
    -f "$work/Containerfile.package" "$work" >"$work/package-build.log" 2>&1 ||
    fail "package test image: $(tail -n 20 "$work/package-build.log")"

  [[ -n $netns ]] || start_netns_and_mocks
  reset_mock_log
  local name=$run_id-package
  containers+=("$name")
  pm run -d --name "$name" --systemd=always --network "ns:/run/netns/$netns" \
    -v "$root/$deb:/tmp/switchyard.deb:ro" localhost/switchyard-package-test:deps /lib/systemd/systemd >/dev/null
  for _ in $(seq 1 100); do
    pm exec "$name" systemctl is-system-running 2>/dev/null | grep -q -e running -e degraded && break
    sleep 0.2
  done
  pe() { pm exec "$name" "$@"; }
  pe apt-get install -y /tmp/switchyard.deb >"$work/package-install.log" 2>&1 ||
    fail "package: apt-get install: $(tail -n 20 "$work/package-install.log")"
  pe systemd-analyze verify switchyard.service >"$work/analyze.log" 2>&1 ||
    fail "package: systemd-analyze verify: $(cat "$work/analyze.log")"
  [[ ! -s $work/analyze.log ]] || fail "package: systemd-analyze verify warns: $(cat "$work/analyze.log")"
  pe getent passwd switchyard >/dev/null || fail "package: no system user"
  [[ $(pe stat -c %a /etc/default/switchyard) == 600 ]] || fail "package: /etc/default/switchyard is not 0600"

  # What an operator does: the key and the upstreams in the environment file, then enable --now.
  pe sed -i -e "s/^SWITCHYARD_AUDIT_KEY=.*/SWITCHYARD_AUDIT_KEY=$audit_key/" \
    -e "s/^SWITCHYARD_PSEUDONYM_KEY=.*/SWITCHYARD_PSEUDONYM_KEY=$pseudonym_key/" /etc/default/switchyard
  pe sh -c 'printf "%s\n" SWITCHYARD_INTERNAL_URL=http://127.0.0.1:18001/v1 \
    SWITCHYARD_OPENAI_URL=http://127.0.0.1:18002/v1 SWITCHYARD_ANTHROPIC_URL=http://127.0.0.1:18003 \
    >>/etc/default/switchyard'
  pe systemctl enable --now switchyard.service >"$work/enable.log" 2>&1 ||
    fail "package: systemctl enable --now: $(cat "$work/enable.log") $(pe journalctl -u switchyard --no-pager 2>&1 | tail -n 15)"
  wait_for_admin http://127.0.0.1:9090 ||
    fail "package: the service did not come up: $(pe journalctl -u switchyard --no-pager 2>&1 | tail -n 15)"
  in_ns bash tests/image/smoke.sh http://127.0.0.1:8080 http://127.0.0.1:9090 "$work/mock.jsonl" ||
    fail "package: smoke test ($(pe journalctl -u switchyard --no-pager 2>&1 | tail -n 15))"

  local pid uid
  pid=$(pe systemctl show -p MainPID --value switchyard)
  uid=$(pe awk '/^Uid:/ {print $2}' "/proc/$pid/status")
  [[ $uid == "$(pe id -u switchyard)" ]] || fail "package: the proxy runs as uid $uid, not switchyard's"
  pe systemctl reload switchyard
  for _ in $(seq 1 50); do
    pe journalctl -u switchyard --no-pager 2>/dev/null | grep -q 'policy reloaded' && break
    sleep 0.2
  done
  pe journalctl -u switchyard --no-pager | grep -q 'policy reloaded' || fail "package: reload did not reload the policy"
  pe systemctl stop switchyard
  local result status
  result=$(pe systemctl show -p Result --value switchyard)
  status=$(pe systemctl show -p ExecMainStatus --value switchyard)
  [[ $result == success && $status == 0 ]] || fail "package: stop ended with result=$result status=$status"
  pe env SWITCHYARD_AUDIT_KEY="$audit_key" bash -c 'cd /var/lib/switchyard/audit &&
      tail -n 1 audit.jsonl | grep -q "\"event\":\"seal\"" && switchyard audit verify *.jsonl' \
    >"$work/verify-package.out" 2>&1 || fail "package: audit verify: $(cat "$work/verify-package.out")"
  log "package: installed, enabled, served as the switchyard user under systemd; reload; stop -> exit 0; audit sealed and verified"
}

main() {
  ensure_tools
  for step in "${steps[@]}"; do
    case $step in
      base) timed base step_base ;;
      build) timed build step_build ;;
      image) timed image step_image ;;
      compose) timed compose step_compose ;;
      package) timed package step_package ;;
      *) fail "unknown step '$step'" ;;
    esac
  done
  log "times: $(IFS=,; echo "${timings[*]}" | sed 's/,/, /g')${image_mb:+; runtime image $image_mb MiB}${package_kb:+; package $package_kb KiB}"
  log "passed"
}

image_mb=""
package_kb=""
main
