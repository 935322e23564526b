// What one durable append costs this machine, in CPU and wall time: the floor under the audit's
// `fsync: batch` (one fdatasync per batch). Appends a record-sized line N times to a file in DIR,
// with and without fdatasync after each, and prints system and user CPU per call from getrusage.
// Usage: bench_fsync_cost DIR [N] [BYTES]   (the file DIR/fsync-cost.tmp is removed afterwards)
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

double micros(const timeval& t) { return static_cast<double>(t.tv_sec) * 1e6 + t.tv_usec; }

void run(const std::string& path, int n, const std::string& line, bool sync) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::perror("open");
    std::exit(1);
  }
  rusage before{};
  rusage after{};
  ::getrusage(RUSAGE_SELF, &before);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
        (sync && ::fdatasync(fd) != 0)) {
      std::perror("write/fdatasync");
      std::exit(1);
    }
  }
  const auto wall = std::chrono::steady_clock::now() - start;
  ::getrusage(RUSAGE_SELF, &after);
  ::close(fd);
  std::printf("%-22s system %7.1f us  user %5.1f us  wall %7.1f us  per call (%d calls)\n",
              sync ? "write + fdatasync" : "write only",
              (micros(after.ru_stime) - micros(before.ru_stime)) / n,
              (micros(after.ru_utime) - micros(before.ru_utime)) / n,
              std::chrono::duration<double, std::micro>(wall).count() / n, n);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [N] [BYTES]\n", argv[0]);
    return 2;
  }
  const std::string path = std::string(argv[1]) + "/fsync-cost.tmp";
  const int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  const std::size_t bytes = argc > 3 ? static_cast<std::size_t>(std::atoi(argv[3])) : 1200;
  std::string line(bytes > 0 ? bytes - 1 : 0, 'x');
  line += '\n';
  run(path, n, line, false);
  run(path, n, line, true);
  ::unlink(path.c_str());
  return 0;
}
