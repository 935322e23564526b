# Switchyard container image: a Debian 12 build stage with the -dev packages and CMake, and a slim
# Debian 12 runtime stage with only the shared libraries the binary links, the binary, the shipped
# policy packs and a default config. Runs as an unprivileged user; listens on 8080 (clients) and
# 9090 (admin: /healthz, /readyz, /metrics).
#
# Built and run on every CI run by scripts/image-test.sh (podman; docs/deployment.md). A new
# dependency is one line in each stage: its -dev package in `build`, its shared library (and any
# data files) in `runtime`; the ldd check at the end of `runtime` fails the build if one is missing.

FROM debian:12 AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake pkg-config ccache ca-certificates \
      libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev \
      libssl-dev libre2-dev libyaml-cpp-dev libicu-dev libjemalloc-dev libcli11-dev \
      libpoppler-cpp-dev libtesseract-dev libleptonica-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt CMakePresets.json ./
COPY cmake cmake
COPY deploy/debian deploy/debian
COPY policies policies
COPY common common
COPY adapters adapters
COPY audit audit
COPY proxy proxy
ARG JOBS=2
# The build a packager runs: plain CMake, Release (-O3 -DNDEBUG), no tests, warnings not errors.
# A ccache directory mounted at /var/cache/ccache (`podman build -v DIR:/var/cache/ccache`, as
# scripts/image-test.sh does) makes rebuilds fast; without one, ccache stays out of the way.
RUN if [ -d /var/cache/ccache ]; then export CCACHE_DIR=/var/cache/ccache CCACHE_BASEDIR=/src; \
    else export CCACHE_DISABLE=1; fi \
 && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
 && cmake --build build --target switchyard -j"${JOBS}" \
 && strip build/proxy/switchyard \
 && build/proxy/switchyard --version

FROM debian:12-slim AS runtime
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libboost-json1.81.0 libboost-url1.81.0 libboost-container1.81.0 \
      libre2-9 libyaml-cpp0.7 libicu72 libssl3 libjemalloc2 ca-certificates \
      libpoppler-cpp0v5 libtesseract5 liblept5 \
      tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/*
# uid and gid 10001, as deploy/kubernetes/deployment.yaml's runAsUser/runAsGroup/fsGroup.
RUN groupadd --system --gid 10001 switchyard \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/switchyard --shell /usr/sbin/nologin switchyard \
 && mkdir -p /etc/switchyard/policies /etc/switchyard/config /var/lib/switchyard/audit \
 && chown -R switchyard:switchyard /var/lib/switchyard
COPY --from=build /src/build/proxy/switchyard /usr/local/bin/switchyard
COPY policies/packs /etc/switchyard/policies/packs
COPY policies/examples /etc/switchyard/policies/examples
COPY deploy/docker/switchyard.yaml deploy/docker/switchyard-vllm.yaml deploy/docker/switchyard-demo.yaml /etc/switchyard/config/
# Fails the build when a shared library is missing from the runtime stage.
RUN ! ldd /usr/local/bin/switchyard | grep "not found" \
 && switchyard policy check /etc/switchyard/policies/packs/default.yaml
# Attachment OCR: one thread per Tesseract job (the proxy also sets this in-process).
ENV OMP_THREAD_LIMIT=1
USER switchyard
WORKDIR /var/lib/switchyard
EXPOSE 8080 9090
VOLUME ["/var/lib/switchyard/audit"]
# SIGTERM: stop accepting, finish in-flight requests, seal the audit file. SIGHUP: reload the policy.
STOPSIGNAL SIGTERM
# No curl in the image: bash's /dev/tcp speaks just enough HTTP for a health check.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9090 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/usr/local/bin/switchyard"]
CMD ["serve", "--config", "/etc/switchyard/config/switchyard.yaml"]
