// Giving freed memory back to the system after a burst of allocation that will not come again soon
// (loading a policy: its tests' classifiers and the YAML tree are freed right after).
#pragma once

namespace switchyard::memory {

// Returns the allocator's free pages to the kernel: jemalloc's dirty pages of every arena when the
// program is linked with it (they are otherwise kept until later allocations let them decay), else
// glibc's malloc_trim. Cheap enough to call after each policy load; never on the request path.
void release_free_pages();

}  // namespace switchyard::memory
